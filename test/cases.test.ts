// Living documentation: written cases (Markdown, YAML, Gherkin) read, linked to
// the real adapters' results, counted in the feature tree and the coverage map,
// and built into the site.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownHtml } from '../generator/render/markdown-html.ts';
import { pageEntrySchema } from '../generator/contract/collections.ts';
import type { Diagnostic } from '../generator/diagnostics/diagnostic.ts';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { linkCases } from '../generator/link/cases.ts';
import { compileGlob } from '../generator/model/patterns.ts';
import { placeCases } from '../generator/link/coverage.ts';
import { buildFeatureTree } from '../generator/link/feature-tree.ts';
import type { TestCase, WrittenCase } from '../generator/model/cases.ts';
import { parseGherkinCases } from '../generator/read/cases/gherkin.ts';
import { readCases } from '../generator/read/cases/cases-folder.ts';
import type { CaseFileJob } from '../generator/read/cases/case-file.ts';
import { readCaseFile } from '../generator/read/cases/case-file.ts';
import { readCaseFiles } from '../generator/read/cases/parse-in-processes.ts';
import { mapConcurrent } from '../generator/lib/map-concurrent.ts';
import { parseMarkdownCase } from '../generator/read/cases/markdown.ts';
import { readRequirements } from '../generator/read/cases/requirements.ts';
import { loadConfig } from '../generator/config/load.ts';
import { generate } from '../generator/generate.ts';
import { buildSite, readPages, tempDir } from './support/site.ts';

const RESULTS = ['vitest', 'jest', 'mocha', 'cucumber'].map((a) => path.resolve('test/fixtures', a, 'allure-results'));
const CASES = path.resolve('test/fixtures/cases');
const MALFORMED = path.resolve('test/fixtures/cases-malformed');

function source(file = 'inline.feature') {
  const list = createDiagnosticList();
  return { src: { file, repoPath: file, report: (d: Diagnostic) => list.report(d) }, diagnostics: list.list };
}

function frontmatter(text: string): unknown {
  return parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!);
}

describe('reading written cases', () => {
  let cases: WrittenCase[];
  let diagnostics: Diagnostic[];
  const byId = (id: string) => cases.find((c) => c.id === id)!;

  beforeAll(async () => {
    const list = createDiagnosticList();
    cases = (await readCases([CASES], list)).cases;
    diagnostics = list.list;
  });

  it('reads every file of the good fixture without a problem, README.md aside', () => {
    expect(diagnostics).toEqual([]);
    expect(new Set(cases.map((c) => c.format))).toEqual(new Set(['markdown', 'yaml', 'gherkin']));
    expect(cases.map((c) => c.id)).not.toContain('README');
  });

  it('Markdown: front matter fields, description, preconditions, steps with expected results, tables and code', () => {
    const c = byId('101');
    expect(c).toMatchObject({ title: 'Add an item to an empty list', epic: 'Productivity', feature: 'Todo items', story: 'Add an item', owner: 'alice', tags: ['smoke'], severity: 'critical', layer: 'unit', requirements: ['REQ-1'], status: 'active', format: 'markdown' });
    expect(c.repoPath).toBe('test/fixtures/cases/todo/add-item.md');
    expect(c.description).toBe('A new list starts empty; typing a title and pressing Enter adds the item.');
    expect(c.preconditions).toContain('- The list "Groceries" exists and is empty.');
    expect(c.steps.map((s) => s.action)).toEqual(['Open the list "Groceries".', 'Type the title and press Enter:', 'Reload the page.']);
    // A nested `- Expected:` item, a `**Expected:**` paragraph and a plain `Expected:` paragraph.
    expect(c.steps.map((s) => s.expected)).toEqual(['the list shows "No items yet".', 'the list shows one item, milk.', 'the item is still there after the reload.']);
    expect(c.steps[1]!.expectedMarkdown).toBe('the list shows one item, `milk`.');
    expect(c.steps[1]!.details).toMatch(/^\| field \| value \|/);
    expect(c.steps[2]!.details).toBe('```json\n{ "items": ["milk"] }\n```');
    expect(c.automationDeclared).toBe(false);
  });

  it('Markdown: raw HTML in a case reaches the page as text, and unsafe links lose their URL', () => {
    const { src, diagnostics: d } = source('hostile.md');
    const [c] = parseMarkdownCase('---\nid: H\ntitle: T\n---\n\n<script>x()</script>\n\nSee [a](javascript:alert(1)) and [b](https://ok.test/).\n\n## Steps\n\n1. <b>bold</b>\n   - Expected: ok\n', src);
    expect(d).toEqual([]);
    expect(markdownHtml(c!.description)).toBe('&lt;script&gt;x()&lt;/script&gt;\n<p>See <a href="">a</a> and <a href="https://ok.test/">b</a>.</p>');
    expect(markdownHtml(c!.steps[0]!.actionMarkdown)).toBe('<p>&lt;b&gt;bold&lt;/b&gt;</p>');
  });

  it('YAML: the same fields, a numeric id as a string, steps as strings or { action, expected }', () => {
    expect(byId('104')).toMatchObject({ title: "Render an item's title in upper case", format: 'yaml', owner: 'bob', severity: 'minor' });
    const sched = byId('TODO-SCHED');
    expect(sched.status).toBe('draft');
    expect(sched.requirements).toEqual(['REQ-2']);
    expect(sched.preconditions).toBe('- Sync is enabled');
    expect(sched.steps.map((s) => [s.action, s.expected])).toEqual([
      ['Enable the nightly sync', 'The settings show "Every night at 02:00"'],
      ['Wait until 02:00', ''],
    ]);
    expect(sched.automation).toEqual([{ fullName: '*todo.spec.ts#Todo list sync schedules a nightly sync', text: 'fullName: "*todo.spec.ts#Todo list sync schedules a nightly sync"' }]);
    expect(sched.automationDeclared).toBe(true);
  });

  it('Gherkin: each Examples row of an Outline is a case, across several Examples tables', () => {
    const rows = ['402-1', '402-2', '402-3'].map(byId);
    expect(rows.map((r) => r.parameters)).toEqual([
      { amount: '10', result: 'accepted' },
      { amount: '100', result: 'accepted' },
      { amount: '150', result: 'rejected' },
    ]);
    expect(rows.map((r) => r.title)).toEqual([
      'Transfer limits (amount: 10, result: accepted)',
      'Transfer limits (amount: 100, result: accepted)',
      'Transfer limits (amount: 150, result: rejected)',
    ]);
    expect(rows[2]!.steps.map((s) => s.action)).toEqual(['When I transfer 150 EUR from "checking" to "savings"', 'Then the transfer is rejected']);
    expect(rows.every((r) => r.aliases.join() === '402')).toBe(true);
    // Tags of the second Examples table belong to its rows only; @req: names a requirement.
    expect(rows.map((r) => r.tags.includes('over-limit'))).toEqual([false, false, true]);
    expect(rows[0]!.requirements).toEqual(['REQ-5']);
    expect(rows.map((r) => r.line)).toEqual([18, 19, 24]);
  });

  it('Gherkin: Background steps are preconditions, a Rule is the story, tags become labels, tags and ids', () => {
    const c = byId('403');
    expect(c).toMatchObject({ epic: 'Banking', feature: 'Account transfers', story: 'Statements', owner: 'dave', tags: ['banking'] });
    expect(c.background.map((s) => s.action)).toEqual(['Given an account "checking" with 100 EUR', 'And an account "savings" with 50 EUR']);
    expect(c.preconditions).toContain('**Given** an account "checking" with 100 EUR');
    expect(c.description).toBe('As a customer I want to move money between my own accounts.');
    expect(byId('405').severity).toBe('critical');
    expect(byId('BANK-7').story).toBe('Statements');
    expect(byId('TC-411')).toMatchObject({ automationDeclared: false, automation: [] });
    expect(byId('TC-410')).toMatchObject({ automationDeclared: true });
  });

  it('Gherkin: data tables and doc strings are kept', () => {
    const table = byId('403').steps[0]!;
    expect(table.dataTable).toEqual([
      ['date', 'amount', 'memo'],
      ['2024-01-02', '-20', 'coffee'],
      ['2024-01-03', '15', 'refund'],
    ]);
    expect(table.details).toContain('| 2024-01-02 | -20    | coffee |');
    expect(byId('TC-410').steps[0]!.dataTable![2]).toEqual(['savings', 'checking', '5 | 6']);
    const doc = byId('405').steps[1]!;
    expect(doc.docString).toEqual({ content: 'Transfer approved by **Dave**.', mediaType: 'markdown' });
    expect(doc.details).toBe('```markdown\nTransfer approved by **Dave**.\n```');
    expect(byId('TC-411').steps[1]!.docString).toEqual({ content: 'Changed my mind.', mediaType: '' });
  });

  it('Gherkin: id tags by priority, an `id` column, Examples ids, a Rule Background, outline placeholders in titles and tables', () => {
    const { src, diagnostics: d } = source();
    const cases = parseGherkinCases(
      `Feature: F
  Rule: R
    Background:
      Given the rule's own set-up
    @TC-7 @id:ID-7 @allure.id=77 @epic:Big_E @owner:a_b
    Scenario: Ids
      Given a step
    @TC-8
    Scenario Outline: Pay <amount>
      When I pay <amount>
        | what | amount   |
        | fee  | <amount> |
      Examples:
        | id   | amount |
        | PAY1 | 5      |
      @id:PX
      Examples:
        | amount |
        | 6      |
        | 7      |
`,
      src,
    );
    expect(d).toEqual([]);
    expect(cases.map((c) => c.id)).toEqual(['77', 'PAY1', 'PX-1', 'PX-2']);
    // Tags hold no spaces: `_` is one in epic, feature and story names, not in other labels.
    expect(cases[0]).toMatchObject({ epic: 'Big E', owner: 'a_b', story: 'R', tags: [] });
    expect(cases[0]!.background.map((s) => s.action)).toEqual(["Given the rule's own set-up"]);
    expect(cases[1]!.title).toBe('Pay 5');
    expect(cases[1]!.steps[0]!.dataTable).toEqual([['what', 'amount'], ['fee', '5']]);
    expect(cases[2]!.aliases).toEqual(['PX']);
  });

  it('every broken file is reported with its file and line, and the rest of the folder is read', async () => {
    const list = createDiagnosticList();
    const { cases: all } = await readCases([CASES, MALFORMED], list);
    const found = list.list.map((d) => `${path.basename(d.file!)}:${d.line} ${d.code}${d.rejected ? ' rejected' : ''}`).sort();
    expect(found).toEqual([
      'bad-status.md:5 case/invalid rejected',
      'bad-steps.yaml:5 case/invalid rejected',
      'bad.feature:6 case/invalid-gherkin rejected',
      'broken-front-matter.md:3 case/invalid-yaml rejected',
      'duplicate.md:1 case/duplicate-id rejected',
      'missing-tag.feature:7 case/missing-id rejected',
      'no-front-matter.md:1 case/no-front-matter rejected',
      'no-id.md:2 case/invalid rejected',
      'no-title.yaml:1 case/invalid rejected',
    ]);
    expect(list.list.find((d) => d.code === 'case/duplicate-id')!.message).toBe('duplicate id "101": already used by test/fixtures/cases/todo/add-item.md:1');
    expect(list.list.find((d) => d.file!.endsWith('bad-status.md'))!.message).toContain('unknown status "obsolete"');
    expect(list.list.find((d) => d.file!.endsWith('no-title.yaml'))!.message).toContain('missing title');
    // The good part of a half-broken file, and the valid hostile case, are read.
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(['MAL-1', 'HOSTILE-1', '101']));
    expect(all.filter((c) => c.id === '101')).toHaveLength(1);
  });

  it('reads requirements from CSV and YAML; a bad row is reported, the rest kept', async () => {
    const list = createDiagnosticList();
    const csv = await readRequirements(path.resolve('test/fixtures/requirements.csv'), list);
    expect(csv.map((r) => r.id)).toEqual(['REQ-1', 'REQ-2', 'REQ-3', 'REQ-4', 'REQ-5', 'REQ-9']);
    expect(csv[0]).toEqual({ id: 'REQ-1', title: 'Items can be added, counted and shown', url: 'https://reqs.acme.test/REQ-1' });
    expect(list.list).toEqual([]);
    const { writeFile } = await import('node:fs/promises');
    const dir = await tempDir('req');
    await writeFile(path.join(dir, 'r.yaml'), 'REQ-A: { title: A, url: "https://x.test/a" }\nREQ-B: B only\nREQ-C: [1, 2]\n');
    const yaml = await readRequirements(path.join(dir, 'r.yaml'), list);
    expect(yaml).toEqual([
      { id: 'REQ-A', title: 'A', url: 'https://x.test/a' },
      { id: 'REQ-B', title: 'B only', url: '' },
    ]);
    expect(list.list.map((d) => [d.code, d.line])).toEqual([['requirements/invalid', 3]]);
  });

  it('lists a deprecated case in its node without counting it', () => {
    const base = cases.find((c) => c.id === 'TODO-SHARE-1')!;
    const written = [base, { ...base, id: 'OLD-1', title: 'Old', status: 'deprecated' as const }];
    const linked = linkCases(written, []);
    const tree = buildFeatureTree([], linked.cases.map((c) => ({ path: c.path, source: c.source })));
    placeCases(tree, linked.cases);
    const node = tree.nodes.find((n) => n.title === 'Share by link')!;
    expect(node.cases).toEqual(['TODO-SHARE-1', 'OLD-1']);
    expect(node.coverage).toMatchObject({ total: 1, manual: 1 });
    expect(tree.root.coverage.total).toBe(1);
  });

  it('automation globs: `*` spans anything, `?` one character, the rest is literal', () => {
    expect(compileGlob('casebook:*cart.spec.mjs: Shopping cart > *')('casebook:test/x/cart.spec.mjs: Shopping cart > a > b')).toBe(true);
    expect(compileGlob('a.b?')('a.bc')).toBe(true);
    expect(compileGlob('a.b?')('axbc')).toBe(false);
    expect(compileGlob('(x)+[y]')('(x)+[y]')).toBe(true);
  });
});

describe('reading many case files', () => {
  // From 500 files on, case files are parsed in child processes (one per core):
  // what they send back must be exactly what parsing them here gives.
  it('parses them in other processes to the same cases and diagnostics, in the same order', async () => {
    const root = path.resolve('test/fixtures/cases');
    const files = (await fg('**/*.{md,yaml,yml,feature}', { cwd: root })).sort();
    const jobs: CaseFileJob[] = [];
    for (let i = 0; jobs.length < 1200; i++) {
      const name = files[i % files.length]!;
      jobs.push({ name, path: path.join(root, name), folder: root, maxBytes: 2 ** 20, shownAs: `copy-${i}/${name}`, repoPath: `cases/${name}` });
    }
    const here = await mapConcurrent(jobs, 16, readCaseFile);
    const there = await readCaseFiles(jobs);
    expect(there).toEqual(here);
    expect(here.reduce((n, o) => n + o.cases.length, 0)).toBeGreaterThan(1200);
  });
});

describe('a site from written cases and real adapter results', () => {
  let site: Awaited<ReturnType<typeof buildSite>>;
  let pages: Map<string, string>;
  const tc = (id: string): TestCase => site.cases.byId.get(id)!;
  const resultNamed = (name: string, adapter?: string) => site.run.results.find((r) => r.name === name && (!adapter || r.fullName.includes(adapter)))!;

  beforeAll(async () => {
    site = await buildSite(RESULTS, {
      cases: [CASES, MALFORMED],
      requirements: path.resolve('test/fixtures/requirements.csv'),
      editUrl: 'https://github.com/acme/app/edit/main/{path}',
      title: 'Cases fixture',
    });
    pages = await readPages(site.outDir);
  });

  it('computes every state', () => {
    const states = Object.fromEntries(['101', '103', '104', 'TODO-EXPORT', 'TODO-SHARE-1', 'TC-411', 'TC-410', 'CALC-RECON', 'TODO-SCHED'].map((id) => [id, tc(id).state]));
    expect(states).toEqual({
      101: 'passed',
      103: 'failed',
      104: 'broken',
      'TODO-EXPORT': 'skipped',
      'TODO-SHARE-1': 'manual',
      'TC-411': 'manual',
      'TC-410': 'not run',
      'CALC-RECON': 'not run',
      'TODO-SCHED': 'not run',
    });
    // A result with no written case is a case of its own, on its test page.
    const lonely = resultNamed('rejects an empty title');
    expect(site.cases.byId.get(lonely.key)).toMatchObject({ state: 'automated only', status: 'passed', href: 'tests', slug: lonely.slug, title: 'rejects an empty title' });
    const counts = site.coverage.states;
    expect(counts['automated only']).toBe(site.run.results.length - site.cases.casesOf.size);
    for (const state of ['passed', 'failed', 'broken', 'skipped', 'manual', 'not run', 'automated only'] as const) expect(counts[state], state).toBeGreaterThan(0);
  });

  it('links by Allure ID, tms link, tag and automation selectors, in that order, and says which rule matched', () => {
    const rules = (id: string) => tc(id).links.map((l) => `${l.rule}: ${l.detail}`);
    expect(rules('101')).toEqual(['allure-id: ALLURE_ID 101']);
    // jest's result 201 carries ALLURE_ID 201, tms "TC 201" and tag TC-201: the tms link comes first.
    expect(rules('TC-201')).toEqual(['tms: tms link TC 201']);
    // cucumber's 401 has ALLURE_ID 401 and tms .../401: only its @TC-401 tag names TC-401.
    expect(rules('TC-401')).toEqual(['tag: tag @TC-401']);
    expect(rules('STOCK-1')).toEqual(['automation: fullName: "casebook:test/fixtures/sources/mocha/stock.spec.mjs: Stock > reserves an item"']);
    expect(rules('BANK-7')).toEqual(['automation: the scenario "Show the balance with its currency" in transfers.feature']);
    expect(tc('STOCK-1').links[0]!.resultKey).toBe(resultNamed('reserves an item').key);
  });

  it('a case may be covered by several results, and a result may cover several cases', () => {
    const sync = tc('TODO-SYNC');
    expect(sync.links.map((l) => site.run.results.find((r) => r.key === l.resultKey)!.name).sort()).toEqual(['fails on every attempt', 'passes on the second attempt']);
    expect(sync.state).toBe('failed');
    const smoke = tc('QA-SMOKE');
    expect(smoke.links.map((l) => l.rule)).toEqual(['automation', 'automation', 'automation']);
    const vitest101 = resultNamed('adds an item to an empty list');
    expect(site.cases.casesOf.get(vitest101.key)!.map((c) => `${c.caseId} ${c.rule}`).sort()).toEqual(['101 allure-id', 'QA-SMOKE automation']);
  });

  it('links each Examples row to the result with its parameters only', () => {
    for (const [id, amount] of [['402-1', '10'], ['402-2', '100'], ['402-3', '150']] as const) {
      const [link] = tc(id).links;
      expect(tc(id).links).toHaveLength(1);
      const result = site.run.results.find((r) => r.key === link!.resultKey)!;
      expect(result.parameters.find((p) => p.name === 'amount')!.value, id).toBe(amount);
    }
  });

  it('warns about automation selectors that match nothing, with file and line, and lists them on the coverage page', () => {
    const warnings = site.diagnostics.filter((d) => d.code === 'case/automation-unmatched');
    expect(warnings.map((d) => `${d.file}:${d.line}`).sort()).toEqual(['test/fixtures/cases/calculator/reconcile.yaml:1', 'test/fixtures/cases/todo/schedule-sync.yaml:1']);
    expect(warnings.every((d) => d.severity === 'warning' && !d.rejected)).toBe(true);
    expect(site.coverage.unmatched.map((u) => u.id).sort()).toEqual(['CALC-RECON', 'TODO-SCHED']);
    // Gherkin scenarios imply their selector: a scenario without a result is "not run" but not a warning.
    expect(warnings.some((d) => d.message.includes('TC-410'))).toBe(false);
  });

  it('merges cases and results into one tree and counts coverage on every node', () => {
    const node = (...p: string[]) => site.tree.nodes.find((n) => n.path.join('>') === p.join('>'))!;
    // 101 passed, 102 automated only (passed), 103 failed, 104 broken, TODO-EXPORT skipped.
    expect(node('Productivity', 'Todo items').coverage).toEqual({ total: 5, passing: 2, failing: 2, skipped: 1, manual: 0, notRun: 0, automatedOnly: 1 });
    // Nodes that only written cases make: no test, one manual case.
    expect(node('Productivity', 'Sharing', 'Share by link')).toMatchObject({ results: [], cases: ['TODO-SHARE-1'] });
    expect(node('Productivity', 'Sharing').totals.total).toBe(0);
    expect(node('Finance tools', 'Ledger').coverage).toMatchObject({ total: 1, notRun: 1 });
    // Transfer: TC-401 and three rows passing, TC-410 not run, TC-411 manual.
    expect(node('Banking', 'Account transfers', 'Transfer').coverage).toEqual({ total: 6, passing: 4, failing: 0, skipped: 0, manual: 1, notRun: 1, automatedOnly: 0 });
    // A case without epic/feature/story sits where its test sits.
    expect(site.tree.nodes.find((n) => n.cases.includes('STOCK-1'))!.results).toContain(resultNamed('reserves an item').key);
    // Every case is counted once at the root, and each node's count is its own cases plus its children's.
    expect(site.tree.root.coverage.total).toBe(site.cases.cases.length);
    for (const n of site.tree.nodes) expect(n.cases.length + n.children.reduce((s, c) => s + c.coverage.total, 0), n.slug).toBe(n.coverage.total);
    // Existing feature URLs stay put: the nodes made for cases come after the results' nodes.
    expect(node('Productivity', 'Todo items').slug).toBe('productivity/todo-items');
  });

  it('draws the coverage map: one group per epic, one cell per feature, coloured by state, sized by cases', () => {
    const group = site.coverage.groups.find((g) => g.title === 'Productivity')!;
    const cells = Object.fromEntries(group.cells.map((c) => [c.title, `${c.tone} ${c.coverage.total} ${c.size}`]));
    expect(cells).toEqual({
      Completion: 'failing 2 2',
      Filtering: 'passing 3 2',
      Sharing: 'manual 1 1',
      Sync: 'failing 2 2',
      'Todo items': 'failing 5 3',
    });
    const finance = site.coverage.groups.find((g) => g.title === 'Finance tools')!;
    expect(finance.cells.find((c) => c.title === 'Ledger')!.tone).toBe('notRun');
    const html = pages.get('coverage/index.html')!;
    const cell = /<a class="tone-manual" href="\/features\/productivity\/sharing\.html" title="Sharing: 1 case: 1 manual \(Manual only\)">/;
    expect(html).toMatch(cell);
    expect(html.match(/<li class="cov-cell size-\d" data-cov-cell/g)).toHaveLength(site.coverage.groups.reduce((n, g) => n + g.cells.length, 0));
  });

  it('shows requirement coverage, including requirements no case covers', () => {
    const reqs = Object.fromEntries(site.coverage.requirements.map((r) => [r.id, `${r.tone} ${r.cases.map((c) => c.id).join(',')} ${r.url}`]));
    expect(reqs['REQ-9']).toBe('empty  https://reqs.acme.test/REQ-9');
    expect(reqs['REQ-1']).toBe('failing 101,103 https://reqs.acme.test/REQ-1');
    expect(reqs['REQ-3']).toBe('manual TODO-SHARE-1 https://reqs.acme.test/REQ-3');
    // A javascript: URL in the requirements file is dropped.
    expect(reqs['REQ-4']).toBe('failing 203 ');
    const html = pages.get('coverage/index.html')!;
    expect(html).toContain('No case covers it');
    expect(html).not.toContain('javascript:alert(1)');
  });

  it('builds a page per written case that the contract accepts, and a coverage page', async () => {
    const written = site.cases.cases.filter((c) => c.written);
    expect([...pages.keys()].filter((p) => /^cases\/[^/]+\.html$/.test(p)).length).toBe(written.length);
    for (const tc of written) {
      const html = pages.get(`cases/${tc.slug}.html`)!;
      expect(html, tc.slug).toContain(`<span class="case-id">${tc.id}</span>`);
      expect(html, tc.slug).toMatch(/<title>[^<]+ · Cases fixture<\/title>/);
    }
    pageEntrySchema.parse(frontmatter(await readFile(path.join(site.contentDir, 'pages/coverage.md'), 'utf8')));
    expect(pages.has('cases/101.html')).toBe(true);
    expect(pages.has('cases/402-3.html')).toBe(true);
  });

  it('a case page shows its steps next to the automated step tree, what covers it and why, requirements, the latest failure and an edit link', () => {
    const html = pages.get('cases/101.html')!;
    expect(html).toContain('href="https://github.com/acme/app/edit/main/test/fixtures/cases/todo/add-item.md"');
    expect(html).toMatch(/<section class="case-column case-written"[\s\S]*Open the list &quot;Groceries&quot;[\s\S]*<strong>Expected:<\/strong> <p>the list shows &quot;No items yet&quot;[\s\S]*<section class="case-column case-automated"[\s\S]*add the item/);
    expect(html).toMatch(/Allure ID<\/strong>: <code>ALLURE_ID 101<\/code>/);
    expect(html).toContain('<a href="https://reqs.acme.test/REQ-1" rel="noopener noreferrer">REQ-1</a>');
    const failing = pages.get('cases/103.html')!;
    expect(failing).toContain('Latest failure');
    expect(failing).toMatch(/expected 2 to be 1|Expected/);
    const manual = pages.get('cases/todo-share-1.html')!;
    expect(manual).toContain('no automated test covers this case yet');
    const notRun = pages.get('cases/calc-recon.html')!;
    expect(notRun).toContain('Automation is declared but no result in this run matched it.');
  });

  it('a test page says which case it covers, or that it is automated only', () => {
    const covered = pages.get(`tests/${resultNamed('adds two numbers').slug}.html`)!;
    expect(covered).toMatch(/href="\/cases\/tc-201\.html">Add two numbers<\/a>[\s\S]*linked by TMS link/);
    const lonely = pages.get(`tests/${resultNamed('rejects an empty title').slug}.html`)!;
    expect(lonely).toContain('it is its own case (automated only)');
    expect(lonely).toContain('<span data-pagefind-filter="state">Automated only</span>');
  });

  it('case pages carry search filters for state, feature, owner, tag, layer and severity', () => {
    const html = pages.get('cases/101.html')!;
    for (const [name, value] of [['type', 'Case'], ['state', 'Passed'], ['feature', 'Productivity'], ['owner', 'alice'], ['tag', 'smoke'], ['layer', 'unit'], ['severity', 'critical']]) {
      expect(html, name).toContain(`<span data-pagefind-filter="${name}">${value}</span>`);
    }
    expect(html).toMatch(/<main[^>]*data-pagefind-body/);
  });

  it('hostile case text is escaped on every page it reaches', () => {
    const html = pages.get('cases/hostile-1.html')!;
    for (const page of [html, pages.get('coverage/index.html')!]) {
      expect(page).not.toMatch(/<script>alert|<img src=x|<iframe src="javascript|<b>tag<\/b>|<i>REQ<\/i>/);
    }
    expect(html).toContain('&lt;script&gt;alert(&quot;case title&quot;)&lt;/script&gt;');
  });

  it('is byte-identical when generated twice from the same cases and results', async () => {
    const again = async () => {
      const dir = await tempDir('cases-twice');
      const config = await loadConfig({ cwd: dir, overrides: { results: RESULTS, cases: [CASES, MALFORMED], requirements: path.resolve('test/fixtures/requirements.csv'), content: path.join(dir, 'content') } });
      const { contentDir } = await generate(config);
      const files = (await fg(['**/*.md', 'html/**/*.html'], { cwd: contentDir })).sort();
      return Promise.all(files.map(async (f) => `${f}\n${await readFile(path.join(contentDir, f), 'utf8')}`));
    };
    const [a, b] = [await again(), await again()];
    expect(a.length).toBeGreaterThan(100);
    expect(b).toEqual(a);
  });

  it('lists the rejected case files on the rejected page', () => {
    const rejected = site.summary.rejected.filter((r) => r.code.startsWith('case/')).map((r) => path.basename(r.file)).sort();
    expect(rejected).toEqual(['bad-status.md', 'bad-steps.yaml', 'bad.feature', 'broken-front-matter.md', 'duplicate.md', 'missing-tag.feature', 'no-front-matter.md', 'no-id.md', 'no-title.yaml']);
    expect(pages.get('rejected/index.html')).toContain('cases-malformed/duplicate.md');
  });
});

describe('the Markdown case parser', () => {
  it('builds the same tree without GFM for every file that holds no GFM syntax, and uses GFM where it could matter', async () => {
    const { caseParsers } = await import('../generator/read/cases/markdown.ts');
    const files = await fg('**/*.md', { cwd: path.resolve('test/fixtures'), absolute: true });
    const synthetic = ['---\nid: T\ntitle: t\ntags: [a, b]\n---\n\nThe plan.\n\n## Preconditions\n\n- A seller account exists\n\n## Steps\n\n1. Upload the search box\n   - Expected: a confirmation appears\n2. Open the inbox\n'];
    let plain = 0;
    for (const text of [...(await Promise.all(files.map((f) => readFile(f, 'utf8')))), ...synthetic]) {
      if (caseParsers.needsGfm(text)) continue;
      plain++;
      expect(caseParsers.plain.parse(text)).toEqual(caseParsers.gfm.parse(text));
    }
    expect(plain).toBeGreaterThan(3);
    for (const text of ['| a |\n|---|\n| b |', '~~gone~~', '- [x] done', 'see www.example.com', 'mail a@b.test', 'note[^1]\n\n[^1]: n', 'https://x.test']) {
      expect(caseParsers.needsGfm(text), text).toBe(true);
      expect(caseParsers.plain.parse(text)).not.toEqual(caseParsers.gfm.parse(text));
    }
  });
});
