// The site as a person uses it, in Debian's Chromium: the overview, a failing
// test, the search box, and a page full of hostile text. Served under a
// sub-path, as a GitHub Pages project site would be.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, writeHostileResults } from '../support/hostile-results.ts';
import { serveStatic } from '../support/serve.ts';
import { buildSite, tempDir } from '../support/site.ts';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let site: Awaited<ReturnType<typeof buildSite>>;
const dialogs: string[] = [];

beforeAll(async () => {
  const hostile = await writeHostileResults(await tempDir('e2e-hostile'));
  const results = ['vitest', 'jest', 'mocha', 'cucumber'].map((a) => path.resolve('test/fixtures', a, 'allure-results'));
  site = await buildSite([...results, hostile], { baseUrl: 'https://docs.example.org/qa/', title: 'Fixture suites' });
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
    for (const feature of site.tree.root.children) expect(hrefs).toContain(`/qa/features/${feature.slug}/`);
    await page.close();
  });

  it('a failing test is reached from its feature and shows its message, with the trace folded', async () => {
    const failing = site.run.results.find((r) => r.name === 'computes a percentage')!;
    const node = site.tree.nodeOf.get(failing.key)!;
    const page = await open(`features/${node.slug}/`);
    await page.getByRole('link', { name: failing.name }).first().click();
    await page.waitForURL(`**/qa/tests/${failing.slug}/`);
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
    const status = page.locator('.pagefind-ui__filter-panel fieldset, .pagefind-ui__filter-block', { hasText: 'Status' }).first();
    const failed = status.getByLabel(/^failed/i);
    if (!(await failed.isVisible())) await status.locator('summary').first().click();
    await failed.check();
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
    const page = await open(`tests/${hostile.slug}/`);
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
    for (const pathname of ['', `tests/${failing.slug}/`, 'features/', 'rejected/']) {
      const page = await open(pathname, 390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, pathname).toBeLessThanOrEqual(0);
      await page.close();
    }
  });
});
