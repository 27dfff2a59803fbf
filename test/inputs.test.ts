// Every input real tools write is read and counted as Allure Report 2 counts it.
// test/fixtures/generate.mjs ran each producer on a real suite, and Allure 2 on
// its output (expected/allure2.json); for what Allure 2 does not read (Cucumber
// JSON) or drops (node:test's nested suites), the producer's own counts.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { HTML_PAGES_DIR } from '../generator/contract/frame.ts';
import { generate } from '../generator/generate.ts';
import { tempDir } from './support/site.ts';

const ALLURE_RESULTS = ['vitest', 'jest', 'mocha', 'cucumber', 'vitest-edge', 'cucumber-edge', 'playwright'];
const JUNIT = ['junit-jest', 'junit-mocha', 'junit-vitest', 'junit-pytest', 'junit-pytest-xunit1', 'junit-playwright', 'junit-surefire-edge'];

const resultsOf = (fixture: string) => path.resolve('test/fixtures', fixture, ALLURE_RESULTS.includes(fixture) ? 'allure-results' : 'results');

async function generated(fixture: string) {
  const dir = await tempDir(`inputs-${fixture}`);
  const config = await loadConfig({ cwd: dir, overrides: { results: [resultsOf(fixture)], content: path.join(dir, 'content') } });
  return generate(config);
}

const expectedOf = async (fixture: string, file = 'allure2.json') => JSON.parse(await readFile(path.join('test/fixtures', fixture, 'expected', file), 'utf8'));

describe.each([...ALLURE_RESULTS, ...JUNIT])('%s', (fixture) => {
  it('is counted as Allure Report 2 counts it, category by category', async () => {
    const expected = await expectedOf(fixture);
    const { summary } = await generated(fixture);
    const { total, passed, failed, broken, skipped, unknown } = summary.run;
    expect({ total, passed, failed, broken, skipped, unknown }).toEqual(expected.statistic);
    const categories = [...summary.categories].sort((a, b) => a.name.localeCompare(b.name));
    expect(categories).toEqual(expected.categories);
    expect(summary.rejected).toEqual([]);
    // A Java-syntax category regex that Allure 2 applies is no warning either.
    expect(summary.diagnostics.filter((d) => d.code === 'categories/invalid-regex')).toEqual([]);
  });
});

describe('results with an empty name', () => {
  it('are counted, shown by the end of their title path, and warned about', async () => {
    const { run, summary, contentDir } = await generated('vitest-edge');
    const unnamed = run.results.filter((r) => r.name === 'Coupons');
    expect(unnamed.length).toBeGreaterThan(0);
    expect(summary.diagnostics.filter((d) => d.code === 'result/missing-name').length).toBeGreaterThan(0);
    for (const r of unnamed) {
      expect(r.slug).toMatch(/^coupons-[0-9a-f]{8}/);
      // Its page: the generated page the site frames.
      expect(await readFile(path.join(contentDir, HTML_PAGES_DIR, 'tests', `${r.slug}.html`), 'utf8')).toContain('Coupons');
    }
  });

  it('keep their identity from run to run', async () => {
    const [a, b] = [await generated('cucumber-edge'), await generated('cucumber-edge')];
    expect(a.run.results.map((r) => r.key)).toEqual(b.run.results.map((r) => r.key));
    expect(a.run.results.filter((r) => r.name === 'Gift cards').length).toBeGreaterThan(0);
  });
});

describe('JUnit XML', () => {
  it('node:test: nested suites and top-level tests are read (Allure 2 drops them), counted as the report counts itself', async () => {
    const xml = await readFile(path.join(resultsOf('junit-node-test'), 'junit.xml'), 'utf8');
    const own = (name: string) => Number(new RegExp(`<!-- ${name} (\\d+) -->`).exec(xml)![1]);
    const { summary, run } = await generated('junit-node-test');
    expect(summary.run.total).toBe(own('tests'));
    expect(summary.run.passed).toBe(own('pass'));
    expect(summary.run.failed + summary.run.broken).toBe(own('fail'));
    expect(summary.run.skipped).toBe(own('skipped') + own('todo'));
    expect(run.results.find((r) => r.name === 'counts a bundle as its parts')?.labels).toContainEqual({ name: 'parentSuite', value: 'Inventory' });
    const allure2 = await expectedOf('junit-node-test');
    expect(allure2.statistic.total).toBeLessThan(summary.run.total);
  });

  it('pytest: failures, errors in fixtures, skips and xfails map as Allure 2 maps them; captured output is an attachment', async () => {
    const { run } = await generated('junit-pytest');
    const named = (name: string) => run.results.find((r) => r.name === name)!;
    expect(named('test_interest_is_added').status).toBe('failed');
    expect(named('test_syncs_with_the_bank').status).toBe('broken');
    expect(named('test_converts_currency').status).toBe('skipped');
    expect(named('test_deposit_amounts[0]').statusDetails.message).toMatch(/deposit must be positive/);
    const statement = named('test_prints_a_statement');
    expect(statement.attachments.map((a) => a.name).sort()).toEqual(['System err', 'System out']);
    expect(statement.attachments.find((a) => a.name === 'System out')?.text).toContain('statement: balance 0');
  });

  it('Surefire: flaky elements are failed attempts before a pass, rerun elements attempts before a failure', async () => {
    const { run } = await generated('junit-surefire-edge');
    const named = (name: string) => run.results.find((r) => r.name === name)!;
    const coupon = named('appliesACoupon');
    expect(coupon.status).toBe('passed');
    expect(coupon.flaky).toBe(true);
    expect(coupon.retries.map((a) => a.status)).toEqual(['failed', 'broken']);
    expect(coupon.retries[0]!.statusDetails.message).toBe('expected: <90.00> but was: <100.00>');
    // The rerun's <stackTrace> is its trace; its own <system-out> is not the test case's output.
    expect(coupon.retries[0]!.statusDetails.trace).toContain('CartTest.java:42');
    expect(coupon.attachments).toEqual([]);
    // "1,204.25" seconds: a thousands separator.
    expect(coupon.durationMs).toBe(1_204_250);
    const tax = named('computesTax');
    expect(tax.status).toBe('failed');
    expect(tax.flaky).toBe(false);
    expect(tax.retries).toHaveLength(2);
    expect(tax.statusDetails.trace).toContain('CartTest.java:57');
    const abroad = named('shipsAbroad');
    expect(abroad.status).toBe('broken');
    expect(abroad.parameters).toEqual([{ name: 'country', value: 'FR', excluded: false, mode: 'default' }]);
    expect(abroad.attachments.find((a) => a.name === 'System out')?.text).toBe('looking up FR rates\nno table for FR');
    expect(abroad.labels).toEqual(expect.arrayContaining([{ name: 'suite', value: 'com.acme.shop.CartTest' }, { name: 'testClass', value: 'com.acme.shop.CartTest' }]));
    expect(abroad.start).toBe(new Date('2026-11-30T09:12:44').getTime());
  });

  it('a Playwright report: the projects of one test meet as attempts, as in Allure 2', async () => {
    const { run } = await generated('junit-playwright');
    expect(run.results.some((r) => r.retries.length > 0)).toBe(true);
  });
});

describe('Cucumber JSON', () => {
  it('counts the scenarios as cucumber-js counted them', async () => {
    const { scenarios } = await expectedOf('cucumber-json', 'producer.json');
    const { summary, run } = await generated('cucumber-json');
    expect(summary.run.total).toBe(scenarios.total);
    expect(summary.run.passed).toBe(scenarios.passed ?? 0);
    expect(summary.run.failed).toBe(scenarios.failed ?? 0);
    expect(summary.run.broken).toBe((scenarios.undefined ?? 0) + (scenarios.ambiguous ?? 0));
    expect(summary.run.skipped).toBe((scenarios.pending ?? 0) + (scenarios.skipped ?? 0));
    const unnamed = run.results.filter((r) => r.name.includes('unnamed scenario'));
    expect(unnamed).toHaveLength(4);
    expect(new Set(unnamed.map((r) => r.key)).size).toBe(4);
    const failing = run.results.find((r) => r.status === 'failed')!;
    expect(failing.steps.map((s) => s.status)).toContain('failed');
    expect(failing.labels).toContainEqual({ name: 'feature', value: 'Gift cards' });
  });
});

describe('allure-playwright', () => {
  it('keeps each project apart, collapses retries, and reads screenshots and traces', async () => {
    const { run } = await generated('playwright');
    const flaky = run.results.filter((r) => r.name === 'passes on its second try');
    expect(flaky).toHaveLength(2);
    for (const r of flaky) {
      expect(r.flaky).toBe(true);
      expect(r.retries).toHaveLength(1);
    }
    const attachments = run.results.flatMap((r) => r.attachments.concat(r.steps.flatMap((s) => s.attachments)));
    expect(attachments.some((a) => a.contentType === 'image/png')).toBe(true);
  });
});

describe('bad reports are reported, and the rest of the folder is read', () => {
  // Deliberate edge cases, written by hand: cut-off reports no tool leaves on purpose.
  it('a JUnit report cut off mid-file, and a cut-off Cucumber JSON report', async () => {
    const dir = await tempDir('inputs-bad');
    const results = path.join(dir, 'results');
    const { mkdir, writeFile, copyFile } = await import('node:fs/promises');
    await mkdir(results);
    await copyFile(path.join(resultsOf('junit-jest'), 'junit.xml'), path.join(results, 'whole.xml'));
    const whole = await readFile(path.join(results, 'whole.xml'), 'utf8');
    await writeFile(path.join(results, 'cut.xml'), whole.slice(0, whole.indexOf('</testcase>', 2000) + 11));
    const cucumber = await readFile(path.join(resultsOf('cucumber-json'), 'cucumber.json'), 'utf8');
    await writeFile(path.join(results, 'cut.json'), cucumber.slice(0, cucumber.length / 2));
    await writeFile(path.join(results, 'not-a-report.xml'), '<html><body>an attachment</body></html>');
    const config = await loadConfig({ cwd: dir, overrides: { results: [results], content: path.join(dir, 'content') } });
    const { summary, run } = await generate(config);
    expect(run.results.filter((r) => r.file.endsWith('whole.xml')).length).toBe((await expectedOf('junit-jest')).statistic.total);
    // The cut file's cases are the same tests again: attempts of those of the whole file.
    expect(run.results.some((r) => r.retries.some((a) => a.file.endsWith('cut.xml')) || r.file.endsWith('cut.xml'))).toBe(true);
    expect(summary.diagnostics.find((d) => d.file?.endsWith('cut.xml'))).toMatchObject({ code: 'junit/truncated', severity: 'warning' });
    expect(summary.rejected.find((r) => r.file.endsWith('cut.json'))?.reason).toMatch(/Cucumber JSON report that is not valid JSON/);
    expect(summary.diagnostics.filter((d) => d.file?.endsWith('not-a-report.xml'))).toEqual([]);
  });
});
