// History across CI runs, on two real runs of the allure-jest fixture suite
// (test/fixtures/jest, then test/fixtures/jest-run2: the percentage bug fixed,
// division regressed, the sign-in test removed, a subtraction test added, the
// addition test renamed with its Allure ID kept).
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { historySchema, type History } from '../generator/contract/history.ts';
import { generate } from '../generator/generate.ts';
import { appendRun, diffRun, flipsOf } from '../generator/model/history.ts';
import type { Result } from '../generator/model/types.ts';
import { serveStatic } from './support/serve.ts';
import { tempDir } from './support/site.ts';

const RUN1 = path.resolve('test/fixtures/jest/allure-results');
const RUN2 = path.resolve('test/fixtures/jest-run2/allure-results');
const CLI = path.resolve('generator/cli/main.ts');

/** Generates the content of one run; `history` as --history. Returns the result and where the run's site files (public/) are. */
async function runOnce(results: string, overrides: Record<string, unknown> = {}) {
  const dir = await tempDir('history');
  const config = await loadConfig({ cwd: dir, overrides: { results: [results], content: path.join(dir, 'content'), ...overrides } });
  const result = await generate(config);
  const site = path.join(dir, 'content', 'public');
  const history = historySchema.parse(JSON.parse(await readFile(path.join(site, 'history', 'index.json'), 'utf8')));
  const summary = JSON.parse(await readFile(path.join(site, 'summary.json'), 'utf8'));
  return { result, site, history, summary };
}

function casebook(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }));
  });
}

describe('history across runs', () => {
  it('the first build starts a history of one run, and its diff is empty', async () => {
    const { history, summary, result } = await runOnce(RUN1);
    expect(history.runs).toHaveLength(1);
    expect(Object.keys(history.tests)).toHaveLength(result.totals.total);
    expect(Object.values(history.tests).every((t) => t.strip.length === 1 && t.durations.length === 1)).toBe(true);
    expect(summary.history).toEqual({ runs: 1 });
    expect(summary.diff).toEqual({ newFailures: 0, fixed: 0, stillFailing: 0, newTests: 0, removedTests: 0 });
  });

  it('the next run, with the first site as its history, says what changed', async () => {
    const first = await runOnce(RUN1);
    const { result, history, summary } = await runOnce(RUN2, { history: first.site });
    const byTransition = (t: string) => result.history.diff.changes.filter((c) => c.transition === t).map((c) => c.name).sort();
    expect(byTransition('fixed')).toEqual(['computes a percentage']);
    expect(byTransition('new failure')).toEqual(['divides by a non-zero number']);
    expect(byTransition('new test')).toEqual(['subtracts two numbers']);
    expect(byTransition('removed')).toEqual(['signs in to the cloud memory']);
    // Broken in both runs: the TypeError, the division by zero, the broken set-up, and the test failing on every attempt.
    expect(byTransition('still failing')).toEqual(['fails inside a nested step', 'fails on every attempt', 'rounds half to even', 'shows the memory on the display']);
    expect(summary.diff).toEqual({ newFailures: 1, fixed: 1, stillFailing: 4, newTests: 1, removedTests: 1 });
    expect(summary.history).toEqual({ runs: 2 });
    // The addition test keeps its history (Allure ID 201) under its new name.
    expect(result.history.diff.renamed).toEqual([expect.objectContaining({ from: expect.stringContaining('adds two numbers'), to: expect.stringContaining('adds two whole numbers') })]);
    const addition = Object.values(history.tests).find((t) => t.name === 'adds two whole numbers')!;
    expect(addition.strip).toBe('pp');
    expect(Object.values(history.tests).find((t) => t.name === 'computes a percentage')!.strip).toBe('fp');
    expect(Object.values(history.tests).find((t) => t.name === 'subtracts two numbers')!.strip).toBe('-p');
    expect(Object.values(history.tests).find((t) => t.name === 'signs in to the cloud memory')!.strip).toBe('p-');
    expect(history.runs.map((r) => r.totals.total)).toEqual([first.result.totals.total, result.totals.total]);
    // The first line of a failure's message, for the run it failed in (and only failures).
    expect(Object.values(history.tests).find((t) => t.name === 'divides by a non-zero number')!.messages).toEqual({ [history.runs[1]!.id]: expect.stringMatching(/^expect\(received\)\.toBe\(expected\)/) });
    expect(Object.values(history.tests).find((t) => t.name === 'computes a percentage')!.messages).toEqual({ [history.runs[0]!.id]: expect.stringMatching(/^expect\(received\)/) });
  });

  it('the Changes page groups the changes, largest first, each test linked; test pages show their strip; the flaky page ranks flips', async () => {
    const first = await runOnce(RUN1);
    const second = await runOnce(RUN2, { history: first.site });
    const content = path.join(path.dirname(second.site));
    const page = (where: string) => readFile(path.join(content, 'html', `${where}.html`), 'utf8');
    const text = (html: string) => DomUtils.textContent(parseDocument(html).children).replace(/\s+/g, ' ');
    const changes = await page('changes/index');
    // Out of the search index: a list of other pages.
    expect(changes.split('\n')[0]).toContain('"indexed":false');
    const headings = [...changes.matchAll(/<h2 id="([^"]+)">([^<]+)<span class="count">(\d+)/g)].map((m) => [m[2]!.trim(), Number(m[3])]);
    expect(headings).toEqual([['Still failing', 4], ['New failures', 1], ['Fixed', 1], ['New tests', 1], ['Removed tests', 1], ['Renamed', 1]]);
    const percentage = second.result.run.results.find((r) => r.name === 'computes a percentage')!;
    expect(changes).toContain(`<a href="/tests/${percentage.slug}.html">computes a percentage</a>`);
    // A removed test has no page to link to.
    expect(text(changes)).toContain('signs in to the cloud memory');
    expect(changes).not.toMatch(/<a [^>]*>signs in to the cloud memory/);
    const testPage = text(await page(`tests/${percentage.slug}`));
    expect(testPage).toMatch(/History ✕✓Last 2 runs: 1 failed, 1 passed; the latest Passed · .* UTC · \d+ ms the last 2 runs, oldest first Passed 1 of 2 runs \(50%\) · first seen .* UTC · last failed .* UTC · last flipped .* UTC\. Since the previous run: fixed\./);
    const flaky = text(await page('flaky/index'));
    expect(flaky).toContain('Sync the memory (flaky)');
    // Fixed once, or broken once, is a change, not flakiness.
    expect(flaky).not.toContain('computes a percentage');
    expect(flaky).not.toContain('divides by a non-zero number');
  });

  it('a test that fails, passes, then fails again is flaky, ranked by its flips', async () => {
    const first = await runOnce(RUN1);
    const second = await runOnce(RUN2, { history: first.site });
    // The first run's results again: the percentage fix reverted, the division regression too.
    const third = await runOnce(RUN1, { history: second.site });
    const flaky = DomUtils.textContent(parseDocument(await readFile(path.join(path.dirname(third.site), 'html', 'flaky', 'index.html'), 'utf8')).children).replace(/\s+/g, ' ');
    expect(flaky).toMatch(/computes a percentage\s*100%/);
    expect(flaky).toMatch(/divides by a non-zero number\s*100%/);
    expect(third.summary.diff).toMatchObject({ newFailures: 1, fixed: 1 });
  });

  it("a defect's page says in which runs the tests it explains failed", async () => {
    const defects = [path.resolve('test/fixtures/defects')];
    const first = await runOnce(RUN1, { defects });
    const second = await runOnce(RUN2, { defects, history: first.site });
    const third = await runOnce(RUN1, { defects, history: second.site });
    const html = await readFile(path.join(path.dirname(third.site), 'html', 'defects', 'calc-203', 'index.html'), 'utf8');
    const section = html.slice(html.indexOf('defect-history-heading'), html.indexOf('matchers-heading'));
    // The percentage test failed, was fixed, then failed again (the table lists the latest run first).
    expect([...section.matchAll(/<tr><td>[^<]+<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => Number(m[1]))).toEqual([1, 0, 1]);
    const [firstSeen, lastSeen] = [...section.matchAll(/<time datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
    expect(firstSeen).toBe(third.history.runs[0]!.start);
    expect(lastSeen).toBe(third.history.runs[2]!.start);
  });

  it('--no-history-append compares, but publishes the history as it was', async () => {
    const first = await runOnce(RUN1);
    const second = await runOnce(RUN2, { history: first.site, historyAppend: false });
    expect(second.summary.diff.newFailures).toBe(1);
    expect(second.history).toEqual(first.history);
  });

  it('keeps at most historyLimit runs, and drops tests seen in none of them', async () => {
    const first = await runOnce(RUN1);
    const second = await runOnce(RUN2, { history: first.site, historyLimit: 2 });
    const third = await runOnce(RUN2, { history: second.site, historyLimit: 2 });
    expect(third.history.runs).toHaveLength(2);
    expect(third.history.runs[0]!.totals).toEqual(second.history.runs[1]!.totals);
    expect(Object.values(third.history.tests).map((t) => t.name)).not.toContain('signs in to the cloud memory');
    expect(Object.values(third.history.tests).every((t) => t.strip.length === 2 && t.durations.length === 2)).toBe(true);
  });

  it('reads the history from the published site over HTTP', async () => {
    const first = await runOnce(RUN1);
    const server = await serveStatic(first.site, '/docs/');
    try {
      const second = await runOnce(RUN2, { history: server.url });
      expect(second.summary.diff).toEqual({ newFailures: 1, fixed: 1, stillFailing: 4, newTests: 1, removedTests: 1 });
      // A site without a history yet (its first build) is a warning, not a failure.
      const fresh = await runOnce(RUN2, { history: `${server.url}nowhere/` });
      expect(fresh.result.diagnostics).toContainEqual(expect.objectContaining({ code: 'history/unreadable', message: expect.stringMatching(/no history at .*nowhere\/history\/index\.json/) }));
      expect(fresh.summary.history).toEqual({ runs: 1 });
    } finally {
      await server.close();
    }
  });

  it('a damaged or foreign history is reported and ignored; the build goes on', async () => {
    const dir = await tempDir('history-bad');
    await mkdir(path.join(dir, 'history'));
    for (const [text, reason] of [
      ['{not json', /not valid JSON/],
      [JSON.stringify({ format: 'casebook-history', version: 1, runs: [], tests: { x: { name: 'x', fullName: 'x', strip: '<script>', durations: [] } } }), /tests\.x\.strip/],
      [JSON.stringify([{ uid: 'allure 2 history-trend.json' }]), /not a Casebook history/],
    ] as const) {
      await writeFile(path.join(dir, 'history', 'index.json'), text);
      const { result, summary } = await runOnce(RUN1, { history: dir });
      expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'history/unreadable', severity: 'warning', message: expect.stringMatching(reason) }));
      expect(summary.history).toEqual({ runs: 1 });
    }
    const { result } = await runOnce(RUN1, { history: path.join(dir, 'missing') });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'history/unreadable', message: expect.stringMatching(/no history here: neither history\/index\.json/) }));
  });

  it('casebook check --max-new-failures fails on a new failure against the history', async () => {
    const first = await runOnce(RUN1);
    const dir = await tempDir('history-check');
    const fails = await casebook(['check', '--results', RUN2, '--history', first.site, '--max-unexplained', '99', '--max-new-failures', '0', '--format', 'json'], dir);
    expect(fails.code).toBe(1);
    const report = JSON.parse(fails.stdout);
    expect(report.failedChecks).toEqual(['max-new-failures']);
    expect(report.checks.find((c: { name: string }) => c.name === 'max-new-failures')).toMatchObject({ ok: false, limit: 0, actual: 1 });
    const passes = await casebook(['check', '--results', RUN2, '--history', first.site, '--max-unexplained', '99', '--max-new-failures', '1'], dir);
    expect(passes.code, passes.stderr).toBe(0);
    expect(passes.stdout).toMatch(/1 new failure\(s\) \(against the run of \d{4}-\d\d-\d\d \d\d:\d\d UTC\), 1 allowed/);
    const bad = await casebook(['check', '--results', RUN2, '--max-new-failures', 'few'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--max-new-failures: expected a whole number/);
  });
});

// Allure's own history of the first run, written by Allure Report 2 (its report's history/) and
// Allure Report 3 (history.jsonl) themselves: npm run fixtures -- allure-history.
describe('importing Allure history', () => {
  /** The diff against Casebook's own history of the first run. */
  async function native() {
    const first = await runOnce(RUN1);
    return (await runOnce(RUN2, { history: first.site })).summary.diff;
  }

  it("Allure 3's history.jsonl: the same diff as Casebook's own history of that run (Allure 3 keys by ALLURE_ID too)", async () => {
    const { summary, result } = await runOnce(RUN2, { history: path.resolve('test/fixtures/history-allure3/history.jsonl') });
    expect(result.diagnostics.filter((d) => d.code.startsWith('history'))).toEqual([]);
    expect(summary.diff).toEqual(await native());
    expect(summary.history).toEqual({ runs: 2 });
    // Named by Allure 3, the removed test is listed by name.
    expect(result.history.diff.changes.filter((c) => c.transition === 'removed').map((c) => c.name)).toEqual(['signs in to the cloud memory']);
  });

  it("Allure 2's history folder: the same diff, but Allure 2 keys by full name (the renamed test is new) and keeps no names (no removed test)", async () => {
    const { summary, result, history } = await runOnce(RUN2, { history: path.resolve('test/fixtures/history-allure2') });
    expect(result.diagnostics.filter((d) => d.code.startsWith('history'))).toEqual([]);
    const own = await native();
    expect(summary.diff).toEqual({ ...own, newTests: own.newTests + 1, removedTests: 0 });
    expect(history.runs).toHaveLength(2);
    expect(history.runs[0]!.totals).toMatchObject({ total: 15, passed: 8, failed: 2, broken: 3, skipped: 2 });
    expect(Object.values(history.tests).find((t) => t.name === 'computes a percentage')!.strip).toBe('fp');
  });

  it('a damaged Allure history is reported and ignored', async () => {
    const dir = await tempDir('allure-bad');
    await mkdir(path.join(dir, 'history'));
    await writeFile(path.join(dir, 'history', 'history.json'), '{"x": {"items": "many"}}');
    const { result, summary } = await runOnce(RUN2, { history: dir });
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ code: 'history/unreadable', message: expect.stringMatching(/not in Allure's format/) }));
    expect(summary.history).toEqual({ runs: 1 });
    await writeFile(path.join(dir, 'history.jsonl'), `not json\n${(await readFile('test/fixtures/history-allure3/history.jsonl', 'utf8')).trim()}\n{"timestamp": "soon"}\n`);
    const jsonl = await runOnce(RUN2, { history: path.join(dir, 'history.jsonl') });
    expect(jsonl.result.diagnostics).toContainEqual(expect.objectContaining({ code: 'history/bad-lines', message: expect.stringMatching(/2 line\(s\)/) }));
    expect(jsonl.summary.history).toEqual({ runs: 2 });
  });
});

// Small deliberate edge cases of the rules, on hand-made results (named as such).
describe('history rules (hand-made edge cases)', () => {
  const result = (key: string, status: Result['status'], durationMs = 100) => ({ key, name: key, fullName: key, status, durationMs }) as Result;
  const historyOf = (runs: Result[][]): History =>
    runs.reduce<History>((h, rs, i) => appendRun(h, { id: String(i), start: i, stop: i, totals: { total: rs.length, passed: 0, failed: 0, broken: 0, skipped: 0, unknown: 0, flaky: 0, durationMs: 0 } }, rs, 50), {
      format: 'casebook-history',
      version: 1,
      runs: [],
      tests: {},
    });

  it('a passing test much slower than its recent median is "slower"; within twice the median it is not', () => {
    const history = historyOf([[result('a', 'passed', 100)], [result('a', 'passed', 120)], [result('a', 'passed', 110)]]);
    expect(diffRun(history, [result('a', 'passed', 1500)]).changes).toEqual([expect.objectContaining({ key: 'a', transition: 'slower', medianMs: 110 })]);
    expect(diffRun(history, [result('a', 'passed', 210)]).changes).toEqual([]);
  });

  it('newly skipped, and a test back after a run away is new to the previous run', () => {
    const history = historyOf([[result('a', 'passed'), result('b', 'passed')], [result('a', 'passed')]]);
    const diff = diffRun(history, [result('a', 'skipped'), result('b', 'failed')]);
    expect(diff.changes.map((c) => [c.key, c.transition])).toEqual([
      ['a', 'newly skipped'],
      ['b', 'new test'],
    ]);
  });

  it('flip rate counts passed ↔ failed or broken changes, not skips or absences', () => {
    expect(flipsOf('pfpfp').rate).toBe(1);
    expect(flipsOf('ppppf').rate).toBe(0.25);
    expect(flipsOf('p-s-p').rate).toBe(0);
    expect(flipsOf('pb').rate).toBe(1);
  });
});
