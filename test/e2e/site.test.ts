// The site as a person uses it, in Debian's Chromium: the overview, a failing
// test, the search box, and a page full of hostile text. Served under a
// sub-path, as a GitHub Pages project site would be.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, writeHostileResults } from '../support/hostile-results.ts';
import { serveStatic } from '../support/serve.ts';
import { buildSite, tempDir } from '../support/site.ts';
import { SEARCH_MERGE_FILE } from '../../generator/contract/search.ts';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let site: Awaited<ReturnType<typeof buildSite>>;
const dialogs: string[] = [];

beforeAll(async () => {
  const hostile = await writeHostileResults(await tempDir('e2e-hostile'));
  const results = ['vitest', 'jest', 'mocha', 'cucumber'].map((a) => path.resolve('test/fixtures', a, 'allure-results'));
  site = await buildSite([...results, hostile], { baseUrl: 'https://docs.example.org/qa/', title: 'Fixture suites', defects: [path.resolve('test/fixtures/defects')], cases: [path.resolve('test/fixtures/cases')] }, {
    // Indexed in parts (as a site of 30,000+ pages is), so every search below also checks that the search page merges them.
    pagesPerIndex: 60,
  });
  expect(JSON.parse(await readFile(path.join(site.outDir, 'pagefind', SEARCH_MERGE_FILE), 'utf8')).length).toBeGreaterThan(1);
  server = await serveStatic(site.outDir, '/qa/');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(pathname: string, width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(server.url + pathname);
  expect(response?.status(), pathname).toBe(200);
  return page;
}

/** Ticks one value of one Pagefind filter, opening its block when it starts closed. */
async function checkSearchFilter(page: Page, filter: string, value: RegExp): Promise<void> {
  const block = page.locator('details.pagefind-ui__filter-block', { has: page.locator('summary', { hasText: new RegExp(`^${filter}$`) }) });
  const box = block.getByLabel(value);
  // Filters arrive after the first results.
  await box.waitFor({ state: 'attached', timeout: 20_000 });
  if (!(await box.isVisible())) await block.locator('summary').click();
  await box.check();
}

describe('the site in a browser', () => {
  it('the overview shows the run totals and links to every top-level feature', async () => {
    const page = await open('');
    await expect(page.locator('h1').textContent()).resolves.toContain('Fixture suites');
    const cards = page.getByRole('list', { name: 'Tests by status' });
    const t = site.summary.run;
    await expect(cards.textContent()).resolves.toMatch(new RegExp(`Passed\\s*${t.passed}`));
    await expect(cards.textContent()).resolves.toMatch(new RegExp(`Failed\\s*${t.failed}`));
    await expect(cards.textContent()).resolves.toMatch(new RegExp(`Broken\\s*${t.broken}`));
    const hrefs = await page.locator('main a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const feature of site.tree.root.children) expect(hrefs).toContain(`/qa/features/${feature.slug}.html`);
    await page.close();
  });

  it('a failing test is reached from its feature and shows its message, with the trace folded', async () => {
    const failing = site.run.results.find((r) => r.name === 'computes a percentage')!;
    const node = site.tree.nodeOf.get(failing.key)!;
    const page = await open(`features/${node.slug}.html`);
    await page.getByRole('link', { name: failing.name }).first().click();
    await page.waitForURL(`**/qa/tests/${failing.slug}.html`);
    const main = page.locator('main');
    await expect(main.locator('h1').textContent()).resolves.toContain('computes a percentage');
    await expect(main.textContent()).resolves.toContain('Expected: 1.98');
    const trace = main.locator('details', { hasText: 'Stack trace' });
    await expect(trace.getAttribute('open')).resolves.toBeNull();
    await expect(trace.locator('pre').isVisible()).resolves.toBe(false);
    await trace.locator('summary').click();
    await expect(trace.locator('pre').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('the header search finds a test by name, and its result opens the test page', async () => {
    const page = await open('');
    await page.fill('#header-search-input', 'Sync with the warehouse');
    await Promise.all([page.waitForURL(/\/qa\/search\/\?q=/), page.press('#header-search-input', 'Enter')]);
    const first = page.locator('.pagefind-ui__result-link').first();
    await first.waitFor({ timeout: 20_000 });
    await expect(page.locator('.pagefind-ui__result-link').allTextContents()).resolves.toContain('Sync with the warehouse (flaky)');
    await page.locator('.pagefind-ui__result-link', { hasText: 'Sync with the warehouse (flaky)' }).click();
    await page.waitForURL('**/qa/tests/**');
    await expect(page.locator('main h1').textContent()).resolves.toContain('Sync with the warehouse');
    await page.close();
  });

  it('search filters by status', async () => {
    const page = await open('search/?q=percentage');
    await page.locator('.pagefind-ui__result-link', { hasText: 'Percentages' }).first().waitFor({ timeout: 20_000 });
    await checkSearchFilter(page, 'Status', /^failed/i);
    // Before the filter the query also finds the "Percentages" feature page; after it, only the failed test.
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('.pagefind-ui__result-link')]
        .filter((a) => !a.closest('.pagefind-ui__result-nested'))
        .map((a) => a.textContent ?? '');
      return titles.length > 0 && titles.every((t) => t.includes('computes a percentage'));
    });
    await page.close();
  });

  it('a page full of hostile text runs none of it', async () => {
    const hostile = site.run.results.find((r) => r.name === HOSTILE.name)!;
    const page = await open(`tests/${hostile.slug}.html`);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main h1').textContent()).resolves.toContain('<script>alert("name")</script>');
    const frame = page.frameLocator('iframe[sandbox=""]');
    await expect(frame.locator('h1').textContent()).resolves.toBe('report');
    for (const link of await page.locator('main a').all()) await link.hover().catch(() => undefined);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('reads on a phone without sideways scrolling', async () => {
    const failing = site.run.results.find((r) => r.status === 'failed')!;
    for (const pathname of ['', `tests/${failing.slug}.html`, 'features/', 'rejected/']) {
      const page = await open(pathname, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
  it('a failing test leads with the curated explanation of its known defect, above the folded message and trace', async () => {
    const failing = site.run.results.find((r) => r.name === 'computes a percentage')!;
    const page = await open(`tests/${failing.slug}.html`);
    const main = page.locator('main');
    const callout = main.locator('.defect-callout');
    await expect(callout.locator('#defect-heading').textContent()).resolves.toBe('Percentages are truncated instead of rounded');
    await expect(callout.textContent()).resolves.toMatch(/Known product defect · CALC-203[\s\S]*Open[\s\S]*Owner\s*bob/);
    await expect(callout.getByRole('link', { name: 'https://github.com/acme/calculator/issues/203' }).getAttribute('href')).resolves.toBe('https://github.com/acme/calculator/issues/203');
    await expect(callout.locator('.defect-explanation').textContent()).resolves.toContain('drops the third decimal instead of rounding it');
    // The explanation comes first; the raw message and the trace are folded below it.
    const message = main.locator('details', { has: page.locator('summary', { hasText: /^Message$/ }) });
    const trace = main.locator('details', { hasText: 'Stack trace' });
    await expect(message.getAttribute('open')).resolves.toBeNull();
    await expect(trace.getAttribute('open')).resolves.toBeNull();
    const top = async (l: typeof callout) => (await l.boundingBox())!.y;
    expect(await top(callout)).toBeLessThan(await top(message));
    expect(await top(message)).toBeLessThan(await top(trace));
    await expect(message.locator('pre').isVisible()).resolves.toBe(false);
    await message.locator('summary').click();
    await expect(message.locator('pre').textContent()).resolves.toContain('Expected: 1.98');
    await callout.locator('#defect-heading a').click();
    await page.waitForURL('**/qa/defects/calc-203/');
    await expect(page.locator('main h1').textContent()).resolves.toBe('Percentages are truncated instead of rounded');
    await expect(page.locator('main').getByRole('link', { name: 'computes a percentage' }).getAttribute('href')).resolves.toBe(`/qa/tests/${failing.slug}.html`);
    await page.close();
  });

  it('the known defects list flags the regression and the defect not seen in this run', async () => {
    const page = await open('defects/');
    const row = (id: string) => page.locator('tr', { hasText: id });
    await expect(row('STEP-NESTED').textContent()).resolves.toMatch(/Fixed[\s\S]*Regression[\s\S]*3/);
    await expect(row('FX-RATES-DOWN').textContent()).resolves.toContain('Not seen in this run');
    await expect(page.locator('main tbody tr').count()).resolves.toBe(7);
    await page.close();
  });

  it('the overview splits the failures into explained and unexplained, and leads to the unexplained-failures page', async () => {
    const page = await open('');
    const breakdown = page.locator('.failure-breakdown');
    const b = site.failures.breakdown;
    await expect(breakdown.textContent()).resolves.toMatch(new RegExp(`${b.explained} explained[\\s\\S]*${b.unexplained} unexplained`));
    await expect(breakdown.getByRole('list', { name: 'Failures by explanation' }).textContent()).resolves.toMatch(/Product defects\s*2[\s\S]*Test defects\s*7[\s\S]*Infrastructure defects\s*4/);
    await page.locator('.sidebar-nav').getByRole('link', { name: /Unexplained failures/ }).click();
    await page.waitForURL('**/qa/unexplained/');
    const groups = page.locator('.signature-group');
    await expect(groups.count()).resolves.toBe(b.groups);
    expect(b.groups).toBeGreaterThanOrEqual(3);
    const first = groups.first();
    await expect(first.locator('.group-suggestion pre').textContent()).resolves.toMatch(/^---\nid: DEF-[0-9A-F]{6}\n[\s\S]*\nmatch:\n {2}message: '/);
    const hostile = groups.filter({ hasText: 'alert("message")' });
    await expect(hostile.locator('h2 code').textContent()).resolves.toContain('<script>');
    const counts = await groups.locator('.group-count').allTextContents();
    expect(counts.map((c) => Number.parseInt(c, 10))).toEqual(site.failures.groups.map((g) => g.results.length));
    await groups.first().locator('.group-tests a').first().click();
    await page.waitForURL('**/qa/tests/**');
    await expect(page.locator('main h2', { hasText: 'Failure' }).count()).resolves.toBe(1);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('the defect and unexplained pages read on a phone without sideways scrolling', async () => {
    for (const pathname of ['defects/', 'defects/step-nested/', 'unexplained/']) {
      const page = await open(pathname, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
  it('the coverage map leads to a feature, and the feature to a case with its steps and covering test', async () => {
    const page = await open('coverage/');
    const todo = page.locator('.cov-cell a', { hasText: 'Todo items' });
    await expect(todo.getAttribute('class')).resolves.toContain('tone-failing');
    await expect(todo.getAttribute('title')).resolves.toContain('5 cases');
    // The map's filter box narrows hundreds of cells to the matching ones.
    await page.fill('[data-cov-filter]', 'sharing');
    await expect(page.locator('.cov-cell:visible').count()).resolves.toBe(1);
    await page.fill('[data-cov-filter]', '');
    await Promise.all([page.waitForURL('**/qa/features/productivity/todo-items.html'), todo.click()]);
    await expect(page.locator('main h1').textContent()).resolves.toBe('Todo items');
    await page.locator('main a', { hasText: 'Add an item' }).first().click();
    await page.waitForURL('**/qa/features/productivity/todo-items/add-an-item.html');
    await page.locator('.cases-table a', { hasText: 'Add an item to an empty list' }).click();
    await page.waitForURL('**/qa/cases/101.html');
    const main = page.locator('main');
    await expect(main.locator('h1').textContent()).resolves.toBe('Add an item to an empty list');
    await expect(main.locator('.case-written').textContent()).resolves.toMatch(/Open the list "Groceries"\.\s*Expected: the list shows "No items yet"/);
    await expect(main.locator('.case-automated').textContent()).resolves.toContain('add the item');
    const written = await main.locator('.case-written').boundingBox();
    const automated = await main.locator('.case-automated').boundingBox();
    expect(Math.abs(written!.y - automated!.y)).toBeLessThan(2); // side by side
    const covering = main.locator('.covered-by-table tbody tr');
    await expect(covering.count()).resolves.toBe(1);
    await expect(covering.textContent()).resolves.toMatch(/adds an item to an empty list[\s\S]*Allure ID[\s\S]*ALLURE_ID 101/);
    await page.close();
  });

  it('search finds cases by id and step text, and filters them by state', async () => {
    const page = await open('search/?q=transfer');
    await page.locator('.pagefind-ui__result-link').first().waitFor({ timeout: 20_000 });
    await checkSearchFilter(page, 'State', /^not run/i);
    await page.waitForFunction(() => {
      const titles = [...document.querySelectorAll('.pagefind-ui__result-link')].filter((a) => !a.closest('.pagefind-ui__result-nested')).map((a) => a.textContent ?? '');
      return titles.length === 1 && titles[0] === 'Schedule transfers for tomorrow';
    });
    // A step of a manual case, and an id, find their case.
    await page.goto(`${server.url}search/?q=${encodeURIComponent('private window')}`);
    await page.locator('.pagefind-ui__result-link', { hasText: 'Share a list by link' }).first().waitFor({ timeout: 20_000 });
    await page.goto(`${server.url}search/?q=TODO-SHARE-1`);
    await page.locator('.pagefind-ui__result-link', { hasText: 'Share a list by link' }).first().waitFor({ timeout: 20_000 });
    await page.close();
  });

  it('the coverage page and a case page read on a phone without sideways scrolling', async () => {
    for (const pathname of ['coverage/', 'cases/101.html', 'cases/402-3.html']) {
      const page = await open(pathname, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});
