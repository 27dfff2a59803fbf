// History as a person sees it, in Debian's Chromium: three builds in a row, each
// given the previous site (the jest fixture suite's two real runs, then the
// first again): the overview's trend, a test's strip, the Changes page on a phone.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../support/serve.ts';
import { buildSite } from '../support/site.ts';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUN1 = path.resolve('test/fixtures/jest/allure-results');
const RUN2 = path.resolve('test/fixtures/jest-run2/allure-results');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;
let site: Awaited<ReturnType<typeof buildSite>>;

beforeAll(async () => {
  const first = await buildSite([RUN1]);
  const second = await buildSite([RUN2], { history: first.outDir });
  site = await buildSite([RUN1], { history: second.outDir });
  server = await serveStatic(site.outDir, '/');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('history in the browser', () => {
  it('the overview draws the trend of the three runs, and says a run in words on focus', async () => {
    expect(site.summary.history).toEqual({ runs: 3 });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    const bars = page.locator('.trend-bar');
    await expect.poll(() => bars.count()).toBe(3);
    const label = bars.nth(1).locator('.trend-label');
    expect(await label.isVisible()).toBe(false);
    await bars.nth(1).focus();
    expect(await label.isVisible()).toBe(true);
    expect(await label.textContent()).toMatch(/15 tests · pass rate \d+(\.\d)?% · 1 new failing/);
    // The same figures as a table, for screen readers and for copying.
    expect(await page.locator('.trend table tbody tr').count()).toBe(3);
    await page.close();
  });

  it("a test's page shows its strip, and the Changes page fits a phone", async () => {
    const percentage = site.run.results.find((r) => r.name === 'computes a percentage')!;
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(`${server.url}tests/${percentage.slug}.html`);
    const cells = page.locator('#history ~ .history-row .history-strip li');
    expect(await cells.evaluateAll((els) => els.map((e) => e.className))).toEqual(['h-f', 'h-p', 'h-f']);
    expect(await page.locator('#history ~ .history-row .visually-hidden').textContent()).toMatch(/^Last 3 runs: 2 failed, 1 passed; the latest Failed · /);
    await page.goto(`${server.url}changes/`);
    expect(await page.locator('h2#new-failure').textContent()).toMatch(/New failures\s*1/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  });
});
