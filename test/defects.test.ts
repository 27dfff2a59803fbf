// Known defects, Allure categories and unexplained-failure signatures, on the
// results real adapters wrote (test/fixtures/<adapter>) and the demo's.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { parse as parseYaml } from 'yaml';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { check } from '../generator/check.ts';
import { loadConfig } from '../generator/config/load.ts';
import { parseHtmlPage } from '../generator/contract/frame.ts';
import { triageEntrySchema } from '../generator/contract/defects.ts';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { generate } from '../generator/generate.ts';
import { categorize, categoryCounts } from '../generator/link/categories.ts';
import { matchDefects, matchingOrder } from '../generator/link/defects.ts';
import { signatureOf } from '../generator/link/signatures.ts';
import { compileWholeMatch, requiredLiterals } from '../generator/model/patterns.ts';
import type { Defect, DefectMatch } from '../generator/model/defects.ts';
import type { Result, Run } from '../generator/model/types.ts';
import { parseDefectFile, readDefectFolders } from '../generator/read/defects/defect-files.ts';
import { suggestedDefectFile } from '../generator/render/defect-pages.ts';
import { tempDir } from './support/site.ts';

const ADAPTERS = ['vitest', 'jest', 'mocha', 'cucumber'];
const resultsOf = (...adapters: string[]) => adapters.map((a) => path.resolve('test/fixtures', a, 'allure-results'));
const DEMO = ['shard-1', 'shard-2'].map((s) => path.resolve('content/demo/allure-results', s));
const FIXTURE_DEFECTS = path.resolve('test/fixtures/defects');

/** Reads and links through the public check(), without thresholds that matter here. */
async function linked(results: string[], defects: string[] = []) {
  return check({ results, defects }, { maxUnexplained: Number.MAX_SAFE_INTEGER });
}

const failuresOf = (run: Run) => run.results.filter((r) => r.status === 'failed' || r.status === 'broken');
const named = (run: Run, name: string, fullName = ''): Result => {
  const found = run.results.filter((r) => r.name === name && r.fullName.includes(fullName));
  expect(found, `${name} ${fullName}`).toHaveLength(1);
  return found[0]!;
};

function defect(id: string, match: Partial<DefectMatch>, extra: Partial<Defect> = {}): Defect {
  return {
    id,
    slug: id.toLowerCase(),
    title: id,
    issue: '',
    status: 'open',
    kind: 'product',
    owner: '',
    body: '',
    file: `defects/${id}.md`,
    idLine: 2,
    matchLine: 7,
    match: { statuses: ['failed', 'broken'], cases: [], fullNames: [], labels: [], ...match },
    ...extra,
  };
}

function explainedBy(run: Run, defects: Defect[]): Record<string, string[]> {
  const { explained } = matchDefects(run.results, defects);
  const byKey = new Map(run.results.map((r) => [r.key, r]));
  return Object.fromEntries([...explained].map(([id, keys]) => [id, keys.map((k) => byKey.get(k)!.name).sort()]));
}

describe('defect files', () => {
  it('are read with every field, in folder then path order', async () => {
    const diagnostics = createDiagnosticList();
    const defects = await readDefectFolders([FIXTURE_DEFECTS], diagnostics);
    expect(diagnostics.list).toEqual([]);
    expect(defects.map((d) => d.id)).toEqual(['CART-303', 'FX-RATES-DOWN', 'STEP-NESTED', 'SYNC-OFFLINE', 'CALC-203', 'STOCK-SUPPLIER', 'VIEW-NULL']);
    const calc = defects.find((d) => d.id === 'CALC-203')!;
    expect(calc).toMatchObject({
      title: 'Percentages are truncated instead of rounded',
      issue: 'https://github.com/acme/calculator/issues/203',
      status: 'open',
      kind: 'product',
      owner: 'bob',
      match: { message: 'expect\\(received\\)\\.toBe\\(expected\\).*', cases: ['203'], statuses: ['failed', 'broken'] },
      matchLine: 8,
    });
    expect(calc.body).toMatch(/^`percentOf\(\)` drops the third decimal/);
    expect(defects.find((d) => d.id === 'CART-303')!.match.labels).toEqual([
      { name: 'feature', values: ['Cart'] },
      { name: 'epic', values: ['Web*'] },
    ]);
  });

  it('report bad regexes and bad fields with file and line, and the rest is used', async () => {
    const diagnostics = createDiagnosticList();
    const defects = await readDefectFolders([path.resolve('test/fixtures/defects-malformed'), path.resolve('test/fixtures/no-such-folder')], diagnostics);
    expect(defects.map((d) => d.id)).toEqual(['EXTRA-1', 'GOOD-1', 'HOSTILE-BODY']);
    const shown = diagnostics.list.map((d) => `${d.severity} ${path.basename(d.file ?? '')}:${d.line ?? '-'} ${d.code}${d.rejected ? ' rejected' : ''}`);
    expect(shown.sort()).toEqual(
      [
        'error bad-fields.md:4 defect/invalid-field rejected',
        'error bad-fields.md:5 defect/invalid-field rejected',
        'error bad-fields.md:6 defect/invalid-field rejected',
        'error bad-fields.md:8 defect/invalid-field rejected',
        'error bad-fields.md:9 defect/invalid-field rejected',
        'error bad-regex.md:7 defect/invalid-regex rejected',
        'error broken-yaml.md:4 defect/invalid-yaml rejected',
        'error no-front-matter.md:1 defect/no-front-matter rejected',
        'error no-such-folder:- defects/unreadable-folder rejected',
        'error statuses-only.md:5 defect/invalid-field rejected',
        'error twin-of-good.md:2 defect/duplicate-id rejected',
        'warning extra-field.md:5 defect/unknown-field',
      ].sort(),
    );
    const message = (file: string, line: number) => diagnostics.list.find((d) => d.file?.endsWith(file) && d.line === line)!.message;
    expect(message('bad-regex.md', 7)).toMatch(/match\.message is not a valid regular expression: missing closing \)/);
    expect(message('bad-fields.md', 5)).toMatch(/status: expected one of open, fixed, wontfix, got "closed"/);
    expect(message('bad-fields.md', 4)).toMatch(/issue: expected a http\(s\) URL/);
    expect(message('bad-fields.md', 8)).toMatch(/match\.mesage: unknown matcher/);
    expect(message('statuses-only.md', 5)).toMatch(/statuses alone would match every failure/);
    expect(message('twin-of-good.md', 2)).toMatch(/"good-1" is already used by .*good\.md/);
  });

  it('a bad defect file never stops a build: the site is generated and the file is listed as rejected', async () => {
    const dir = await tempDir('defects-bad');
    const config = await loadConfig({ cwd: dir, overrides: { results: resultsOf('jest'), content: path.join(dir, 'content'), defects: [path.resolve('test/fixtures/defects-malformed')] } });
    const out = await generate(config);
    expect(out.summary.rejected.map((r) => path.basename(r.file)).sort()).toEqual(
      expect.arrayContaining(['bad-fields.md', 'bad-regex.md', 'broken-yaml.md', 'no-front-matter.md', 'statuses-only.md', 'twin-of-good.md']),
    );
    // GOOD-1 (".*unavailable.*") explains the jest failure no fixture defect covers.
    expect(out.failures.defectOf.get(named(out.run, 'rounds half to even').key)?.id).toBe('GOOD-1');
  });
});

describe('each matcher kind', () => {
  it('message: the regex must match the whole message (as categories.json), with ANSI colours stripped', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    expect(explainedBy(run, [defect('PART', { message: 'offline' })])).toEqual({ PART: [] });
    expect(explainedBy(run, [defect('WHOLE', { message: '.*offline.*' })])).toEqual({
      WHOLE: ['Reach the exchange-rate service', 'fails on every attempt', 'fails on every attempt', 'reaches the supplier'],
    });
    // A coloured message (as jest writes to a terminal) still matches: deliberate edge case built by hand.
    const base = named(run, 'computes a percentage');
    const coloured: Result = { ...base, key: 'coloured', statusDetails: { ...base.statusDetails, message: '\u001b[31mexpected\u001b[39m 1.98, got \u001b[32m1.97\u001b[39m' } };
    expect(matchDefects([coloured], [defect('ANSI', { message: 'expected 1\\.98, got 1\\.97' })]).defectOf.get('coloured')?.id).toBe('ANSI');
  });

  it('trace: the regex must match the whole trace', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    expect(explainedBy(run, [defect('TRACE', { trace: 'TypeError: Cannot read properties of undefined.*' })])).toEqual({
      TRACE: ['Print a statement', 'renders a title in upper case', 'shows a discount banner', 'shows the memory on the display'],
    });
    expect(explainedBy(run, [defect('TRACE-PART', { trace: 'TypeError' })])).toEqual({ 'TRACE-PART': [] });
  });

  it('statuses: failed and broken by default, or only those listed', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    const all = explainedBy(run, [defect('ANY', { message: '.*' })]).ANY!;
    expect(all).toHaveLength(failuresOf(run).length);
    expect(explainedBy(run, [defect('BROKEN', { message: '.*', statuses: ['broken'] })]).BROKEN).toHaveLength(run.results.filter((r) => r.status === 'broken').length);
    expect(explainedBy(run, [defect('FAILED', { message: '.*', statuses: ['failed'] })]).FAILED).toHaveLength(run.results.filter((r) => r.status === 'failed').length);
  });

  it('cases: the Allure ID of the test', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    expect(explainedBy(run, [defect('IDS', { cases: ['203', '304', '999'] })])).toEqual({ IDS: ['computes a percentage', 'shows a discount banner'] });
  });

  it('fullName: a glob where * is any text', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    expect(explainedBy(run, [defect('GLOB', { fullNames: ['casebook:test/fixtures/sources/mocha/*'] })]).GLOB).toEqual([
      'counts the items in the cart',
      'fails inside a nested step',
      'reaches the supplier',
      'shows a discount banner',
    ]);
    expect(explainedBy(run, [defect('EXACT', { fullNames: ['casebook:calculator.spec.cjs#Calculator arithmetic computes a percentage'] })]).EXACT).toEqual(['computes a percentage']);
  });

  it('labels: every named label needs one of its values', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    expect(explainedBy(run, [defect('LABELS', { labels: [{ name: 'epic', values: ['Productivity', 'Web shop'] }, { name: 'owner', values: ['bob'] }] })]).LABELS).toEqual([
      'counts open items',
      'counts the items in the cart',
    ]);
    // "Account lifecycle" and "Account transfers".
    expect(explainedBy(run, [defect('GLOB-LABEL', { labels: [{ name: 'feature', values: ['Account *'] }] })])['GLOB-LABEL']).toEqual([
      'Print a statement',
      'Reach the exchange-rate service',
      'Show the balance with its currency',
    ]);
    expect(explainedBy(run, [defect('EXACT-LABEL', { labels: [{ name: 'feature', values: ['Account lifecycle'] }] })])['EXACT-LABEL']).toHaveLength(2);
  });

  it('every given matcher must hold', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    expect(explainedBy(run, [defect('BOTH', { message: '.*offline.*', labels: [{ name: 'feature', values: ['Sync'] }] })]).BOTH).toEqual(['fails on every attempt']);
  });
});

describe('matching order and overlaps', () => {
  it('defects with a test selector come first, then reading order; the first match explains, later ones are overlaps', async () => {
    const { run, failures, report } = await linked(resultsOf(...ADAPTERS), [FIXTURE_DEFECTS]);
    expect(failures.defects.map((d) => d.defect.id)).toEqual(['CART-303', 'STEP-NESTED', 'CALC-203', 'STOCK-SUPPLIER', 'FX-RATES-DOWN', 'SYNC-OFFLINE', 'VIEW-NULL']);
    const supplier = named(run, 'reaches the supplier');
    expect(failures.defectOf.get(supplier.key)?.id).toBe('STOCK-SUPPLIER');
    expect(failures.overlaps.map((o) => [o.winner.id, o.other.id, o.results])).toEqual([['STOCK-SUPPLIER', 'SYNC-OFFLINE', [supplier.key]]]);
    expect(report.diagnostics.filter((d) => d.code === 'defect/overlap')).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'test/fixtures/defects/offline-services.md', line: 8, message: expect.stringContaining('"STOCK-SUPPLIER"') }),
    ]);
    // Every failure has at most one defect.
    const counted = failures.defects.reduce((n, d) => n + d.results.length, 0);
    expect(counted).toBe(failures.defectOf.size);
  });

  it('without selectors, the file read first wins', async () => {
    const { run } = await linked(resultsOf(...ADAPTERS));
    const a = defect('A', { message: '.*offline.*' });
    const b = defect('B', { message: '.*online.*' });
    expect(matchingOrder([b, a]).map((d) => d.id)).toEqual(['B', 'A']);
    const { explained, overlaps } = matchDefects(run.results, [b, a]);
    expect(explained.get('A')).toEqual([]);
    expect(overlaps).toHaveLength(1);
    expect(overlaps[0]!.results).toHaveLength(4);
  });
});

describe('drift', () => {
  it('a fixed defect that still matches is a regression; an open one that matched nothing was not seen', async () => {
    const { failures } = await linked(resultsOf(...ADAPTERS), [FIXTURE_DEFECTS]);
    const drift = Object.fromEntries(failures.defects.map((d) => [d.defect.id, [d.defect.status, d.results.length, d.drift]]));
    expect(drift).toEqual({
      'CART-303': ['wontfix', 1, 'none'],
      'STEP-NESTED': ['fixed', 3, 'regression'],
      'CALC-203': ['open', 1, 'none'],
      'STOCK-SUPPLIER': ['open', 1, 'none'],
      'FX-RATES-DOWN': ['open', 0, 'not-seen'],
      'SYNC-OFFLINE': ['open', 3, 'none'],
      'VIEW-NULL': ['open', 4, 'none'],
    });
    expect(failures.breakdown).toMatchObject({ failures: 16, explained: 13, byKind: { product: 2, test: 7, infrastructure: 4 }, unexplained: 3, regressions: 1, notSeen: 1 });
  });

  it('a fixed defect that matches nothing, or a wontfix one, is not flagged', async () => {
    const { failures } = await linked(resultsOf('jest'), [FIXTURE_DEFECTS]);
    const cart = failures.defects.find((d) => d.defect.id === 'CART-303')!;
    expect([cart.results.length, cart.drift]).toEqual([0, 'none']);
    const nested = failures.defects.find((d) => d.defect.id === 'STEP-NESTED')!;
    expect(nested.drift).toBe('regression');
    const { failures: cucumberOnly } = await linked(resultsOf('cucumber'), [FIXTURE_DEFECTS]);
    expect(cucumberOnly.defects.find((d) => d.defect.id === 'STEP-NESTED')!.drift).toBe('none');
  });
});

describe.each(ADAPTERS)('categories.json on results written by allure-%s', (adapter) => {
  it('puts each result where Allure Report 2 puts it', async () => {
    const expected = JSON.parse(await readFile(path.join('test/fixtures', adapter, 'expected/allure2.json'), 'utf8'));
    const { run, failures } = await linked(resultsOf(adapter));
    expect(run.categories.length).toBeGreaterThan(0);
    // expected/allure2.json lists them by name; Casebook in Allure 2's order.
    expect([...failures.categories].sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.categories);
  });
});

describe('categories.json semantics', () => {
  it('the first matching category wins, and an empty matchedStatuses means any status', async () => {
    const { run } = await linked(resultsOf('jest'));
    const categoryOf = categorize(run.results, run.categories);
    // "fails on every attempt" says both "Expected" and "offline": the first category takes it.
    expect(categoryOf.get(named(run, 'fails on every attempt').key)).toBe('Assertion failures');
    expect(categoryOf.get(named(run, 'rounds half to even').key)).toBe('Infrastructure problems');
    const passed = run.results.filter((r) => r.status === 'passed');
    const anyStatus = categorize(run.results, [{ name: 'Everything', description: '', matchedStatuses: [], shard: 0 }]);
    expect(anyStatus.size).toBe(run.results.length);
    const flakyOnly = categorize(passed, [{ name: 'Flaky passes', description: '', matchedStatuses: ['passed'], flaky: true, shard: 0 }]);
    expect(categoryCounts(flakyOnly)).toEqual([{ name: 'Flaky passes', count: passed.filter((r) => r.flaky).length }]);
  });
});

describe('unexplained failures grouped by signature', () => {
  it('groups real failures that differ only in numbers and quoted values, and keeps different causes apart', async () => {
    const { run, failures } = await linked([...DEMO, ...resultsOf('vitest')]);
    const groupOf = (name: string) => failures.groups.find((g) => g.results.includes(named(run, name).key))!;
    const rounding = groupOf('charges 8.875% New York sales tax rounded to the nearest cent');
    expect(rounding.results).toContain(named(run, 'computes 9.5% sales tax for US-CA-LA').key);
    expect(rounding.results).toContain(named(run, 'charges $141.54 for two hoodies and a T-shirt shipped to Brooklyn').key);
    expect(rounding.signature.message).toBe('expected <n> to be <n> // Object.is equality');
    expect(rounding.signature.frames[0]).toMatch(/^at file:\/\/\/.*allure-vitest\/dist\/matchers\.js:353:170$/);
    expect(groupOf("links USPS tracking numbers to the carrier's tracking page")).toBe(groupOf('shows a delivery estimate for a PO box address'));
    expect(groupOf('authorises a $320 tent order within the gateway timeout')).toBe(groupOf('refunds a captured payment in full'));
    // Same normalized message, thrown in different places: different causes.
    const guest = groupOf('keeps the guest cart when the customer had no saved cart');
    const todo = groupOf('renders a title in upper case');
    expect(guest.signature.message).toBe(todo.signature.message);
    expect(guest).not.toBe(todo);
    // Largest first.
    const sizes = failures.groups.map((g) => g.results.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(failures.groups.reduce((n, g) => n + g.results.length, 0)).toBe(failures.breakdown.unexplained);
  });

  it('takes out ids, hashes, timestamps and temporary paths', () => {
    const a = signatureOf(
      'Order 7f3e2a1c-9b8d-4e6f-a1b2-c3d4e5f60718 failed at 2026-01-05T09:12:44.123Z, see /tmp/run-8812/log.txt (commit 4f9e2b1c3)',
      'Error: x\n    at place (file.js:10:2)',
    );
    const b = signatureOf(
      'Order 00000000-1111-4222-8333-444444444444 failed at 2025-12-31T23:59:59Z, see /tmp/job_a/log.txt (commit deadbee42)',
      'Error: y\n    at place (file.js:10:2)',
    );
    expect(a.key).toBe(b.key);
    expect(a.message).toBe('Order <uuid> failed at <time>, see <tmp> (commit <hex>)');
    expect(signatureOf('refund ch_3Nf8e2Lk failed', '').message).toBe('refund <id> failed');
    // A frame's line and column are a place in the code: another place, another cause.
    expect(signatureOf('boom', '    at place (file.js:11:2)').key).not.toBe(a.key.replace(/^[^\n]*/, 'boom'));
    expect(signatureOf('boom', 'Error: boom\n    at place (file.js:10:2)').frames).toEqual(['at place (file.js:10:2)']);
    // Frames in the test's own code differ for every test that hits one cause: they are left out.
    const inTests = (file: string) => signatureOf('featureFlags is not defined', `ReferenceError: featureFlags is not defined\n    at Object.<anonymous> (${file}:93:35)\n    at run (node_modules/vitest/dist/run.js:1:1)`);
    expect(inTests('/builds/shop/tests/cart/labels.spec.ts').key).toBe(inTests('/builds/shop/src/checkout/pay.test.ts').key);
    expect(inTests('/builds/shop/tests/cart/labels.spec.ts').frames).toEqual([]);
  });

  it('prefills a message regex that matches every member of its group and no member of another group', async () => {
    const { run, failures } = await linked([...resultsOf(...ADAPTERS), ...DEMO]);
    const groups = failures.groups;
    expect(groups.length).toBeGreaterThan(10);
    const byKey = new Map(run.results.map((r) => [r.key, r]));
    const accepts = (s: { message?: string; trace?: string }, r: Result) => {
      const m = s.message ? compileWholeMatch(s.message) : undefined;
      const t = s.trace ? compileWholeMatch(s.trace) : undefined;
      if (m && !m.ok) throw new Error(m.error);
      if (t && !t.ok) throw new Error(t.error);
      return (!m || (m.ok && m.pattern.test(r.statusDetails.message))) && (!t || (t.ok && t.pattern.test(r.statusDetails.trace)));
    };
    let messageOnly = 0;
    for (const g of groups) {
      expect(g.suggestion.message, g.signature.message).toBeTruthy();
      if (!g.suggestion.trace) messageOnly++;
      for (const other of groups) {
        for (const key of other.results) expect(accepts(g.suggestion, byKey.get(key)!), `${g.id} vs ${other.id}`).toBe(other === g);
      }
      expect(g.suggestion.alsoMatches).toEqual([]);
    }
    expect(messageOnly).toBeGreaterThan(groups.length / 2);
  });

  it('the prefilled defect file is valid and explains exactly its group', async () => {
    const { run, failures } = await linked([...resultsOf(...ADAPTERS), ...DEMO]);
    const explainedKeys = new Set<string>();
    for (const g of failures.groups) {
      const diagnostics = createDiagnosticList();
      const parsed = parseDefectFile(suggestedDefectFile(g), 'suggested.md', diagnostics);
      expect(diagnostics.list).toEqual([]);
      const { explained } = matchDefects(run.results, [parsed!]);
      expect(explained.get(parsed!.id)).toEqual(g.results);
      for (const k of g.results) explainedKeys.add(k);
    }
    expect(explainedKeys.size).toBe(failures.breakdown.unexplained);
  });
});

describe('whole-match patterns', () => {
  it('the literal pre-check never changes an answer', async () => {
    const { run } = await linked([...resultsOf(...ADAPTERS), ...DEMO]);
    const texts = run.results.flatMap((r) => [r.statusDetails.message, r.statusDetails.trace]).filter(Boolean);
    const patterns = [
      ...run.categories.flatMap((c) => [c.messageRegex, c.traceRegex]),
      'expected \\d+ to be \\d+ // Object\\.is equality',
      'expect\\(received\\)\\.toBe\\(expected\\).*',
      'Cannot read properties of (null|undefined).*',
      'AssertionError( \\[ERR_ASSERTION\\])?: Expected values.*',
      '.*\\bmatchers\\.js:\\d+:\\d+.*',
      'no (todo|line for) .*',
      'a*b?.*',
      '(?i)EXPECTED.*',
    ].filter((p): p is string => typeof p === 'string');
    let hits = 0;
    for (const p of patterns) {
      const compiled = compileWholeMatch(p);
      if (!compiled.ok) throw new Error(compiled.error);
      const plain = new RegExp(`^(?:${p.replace(/^\(\?i\)/, '')})$`, p.startsWith('(?i)') ? 'si' : 's');
      for (const t of texts) {
        const answer = compiled.pattern.test(t);
        expect(answer, `${p} on ${t.slice(0, 40)}`).toBe(plain.test(t));
        if (answer) hits++;
      }
    }
    expect(hits).toBeGreaterThan(20);
  });

  it('finds the literal text every match needs', () => {
    expect(requiredLiterals('expected \\d+ to be \\d+.*')).toEqual({ prefix: 'expected ', runs: ['expected ', ' to be '] });
    expect(requiredLiterals('.*[Ee]xpected.*')).toEqual({ prefix: '', runs: ['xpected'] });
    expect(requiredLiterals('ab*c\\.d(x|y)z{2}')).toEqual({ prefix: 'a', runs: ['a', 'c.d', ''].filter(Boolean) });
    expect(requiredLiterals('a|b')).toEqual({ prefix: '', runs: [] });
    expect(requiredLiterals('\\x41bc\\u0041de')).toEqual({ prefix: '', runs: ['bc', 'de'] });
  });
});

describe('generated content', () => {
  it('a failing test leads with its defect; each defect has a page; the triage entry holds the split and the groups', async () => {
    const dir = await tempDir('defect-pages');
    const config = await loadConfig({ cwd: dir, overrides: { results: resultsOf(...ADAPTERS), content: path.join(dir, 'content'), defects: [FIXTURE_DEFECTS] } });
    const out = await generate(config);
    const read = async (file: string) => {
      const text = await readFile(path.join(out.contentDir, file), 'utf8');
      const [, fm, body] = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(text)!;
      return { data: parseYaml(fm!) as unknown, body: body! };
    };
    const percentage = named(out.run, 'computes a percentage');
    const page = async (slug: string) => parseHtmlPage(await readFile(path.join(out.contentDir, 'html/tests', `${slug}.html`), 'utf8'))!.html;
    const test = await page(percentage.slug);
    expect(test).toMatch(/<section class="defect-callout defect-kind-product"[\s\S]*Known product defect · CALC-203[\s\S]*<a href="\/defects\/calc-203\/">Percentages are truncated instead of rounded<\/a>/);
    expect(test).toContain('<a href="https://github.com/acme/calculator/issues/203" rel="noopener noreferrer">');
    expect(test).toContain('<dd>bob</dd>');
    expect(test).toContain('<dt>Allure category</dt><dd>Assertion failures</dd>');
    // The curated explanation leads; the raw message folds away below it.
    expect(test).toMatch(/<div class="prose defect-explanation"><p><code>percentOf\(\)<\/code> drops the third decimal[\s\S]*<details><summary>Message<\/summary><pre><code>expect\(received\)/);
    const unexplained = named(out.run, 'counts open items');
    const plain = await page(unexplained.slug);
    expect(plain).not.toContain('defect-callout');
    expect(plain).not.toContain('<summary>Message</summary>');
    expect(plain).toContain('<span data-pagefind-filter="failure">Unexplained</span>');

    // Each defect's page, rendered by the generator into the frame.
    const pages = (await fg('html/defects/*/index.html', { cwd: out.contentDir })).sort();
    expect(pages).toEqual(['calc-203', 'cart-303', 'fx-rates-down', 'step-nested', 'stock-supplier', 'sync-offline', 'view-null'].map((s) => `html/defects/${s}/index.html`));
    const nested = parseHtmlPage(await readFile(path.join(out.contentDir, 'html/defects/step-nested/index.html'), 'utf8'))!;
    const text = DomUtils.textContent(parseDocument(nested.html).children).replace(/\s+/g, ' ');
    expect(nested.title).toBe('Errors thrown inside nested steps');
    expect(text).toContain('Regression. This defect is marked fixed, yet 3 failures in this run still match it.');
    expect(text).toMatch(/Failed ?0 ?Broken ?3 ?Defect file ?test\/fixtures\/defects\/nested-step-errors\.md/);
    expect(text).toContain('This defect is number 2 in the matching order.');
    expect(nested.html.match(/<a href="\/tests\/[^"]+">fails inside a nested step<\/a>/g)).toHaveLength(3);
    expect(nested.html).toContain('<div class="prose page-body defect-explanation"><p>Fixed in 2.3: the helpers no longer throw from inside a nested step. If this\nshows up again, the fix was lost.</p>');

    const triage = triageEntrySchema.parse((await read('triage/failures.md')).data);
    expect(triage.breakdown).toMatchObject({ failures: 16, explained: 13, unexplained: 3, groups: 3 });
    expect(triage.groups.map((g) => g.count)).toEqual([1, 1, 1]);
    expect(triage.groups[0]!.suggestion).toMatch(/^---\nid: DEF-[0-9A-F]{6}\n/);
    expect(out.summary.failures).toEqual(triage.breakdown);
  });

  it("a defect's explanation goes through the Markdown pipeline only: raw HTML shows as text, unsafe links lose their URL", async () => {
    const dir = await tempDir('defect-hostile');
    const config = await loadConfig({ cwd: dir, overrides: { results: resultsOf('mocha'), content: path.join(dir, 'content'), defects: [path.resolve('test/fixtures/defects-malformed')] } });
    const out = await generate(config);
    const page = parseHtmlPage(await readFile(path.join(out.contentDir, 'html/defects/hostile-body/index.html'), 'utf8'))!;
    const body = page.html.slice(page.html.indexOf('defect-explanation'), page.html.indexOf('matchers-heading'));
    expect(body).not.toMatch(/<(script|img)|javascript:/);
    expect(body).toContain('&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;');
    expect(body).toContain('<a href="https://example.org/ok"');
  });
});
