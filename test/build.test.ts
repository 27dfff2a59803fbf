// build() end to end: what lands in the out folder.
import { existsSync, statSync } from 'node:fs';
import { access, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { startAstroBuild } from '../generator/build/astro.ts';
import { silentLogger } from '../generator/lib/logger.ts';
import { generate } from '../generator/generate.ts';
import fg from 'fast-glob';
import { buildSite, readPages, tempDir } from './support/site.ts';

const fixture = (adapter: string) => path.resolve('test/fixtures', adapter, 'allure-results');

describe('build', () => {
  it('two builds from one checkout at the same time both succeed (Astro work folders are not shared)', async () => {
    const [jest, mocha] = await Promise.all([buildSite([fixture('jest')]), buildSite([fixture('mocha')], { baseUrl: '/docs/' })]);
    for (const site of [jest, mocha]) {
      await access(path.join(site.outDir, 'index.html'));
      await access(path.join(site.outDir, 'pagefind', 'pagefind.js'));
      const summary = JSON.parse(await readFile(path.join(site.outDir, 'summary.json'), 'utf8'));
      expect(summary.run.total).toBe(site.run.results.length);
    }
    const mochaPage = await readFile(path.join(mocha.outDir, 'tests', `${mocha.run.results[0]!.slug}.html`), 'utf8');
    expect(mochaPage).toContain('href="/docs/');
    expect(mochaPage).not.toMatch(/href="\/(features|tests)\//);
  });
});

// A tmpfs here; in CI often a mounted volume. Astro moves its assets with
// rename(), which fails across file systems (EXDEV) when it writes the site there.
const OTHER_FILE_SYSTEM = '/dev/shm';
const otherFileSystem = existsSync(OTHER_FILE_SYSTEM) && statSync(OTHER_FILE_SYSTEM).dev !== statSync(process.cwd()).dev;

describe('an out folder on another file system than the package', () => {
  it.skipIf(!otherFileSystem)('gets the whole site, Astro\'s assets included', async () => {
    const dir = await mkdtemp(path.join(OTHER_FILE_SYSTEM, 'casebook-out-'));
    try {
      const site = await buildSite([fixture('mocha')], { out: path.join(dir, 'site') });
      expect(site.outDir).toBe(path.join(dir, 'site'));
      const assets = await readdir(path.join(site.outDir, '_astro'));
      expect(assets.some((f) => f.endsWith('.css'))).toBe(true);
      await access(path.join(site.outDir, 'index.html'));
      await access(path.join(site.outDir, 'tests', `${site.run.results[0]!.slug}.html`));
      await access(path.join(site.outDir, 'pagefind', 'pagefind.js'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('attachments', () => {
  it('are copied into the site once, byte for byte, where the test pages link them', async () => {
    const site = await buildSite([fixture('jest')]);
    const attachments = site.run.results.flatMap((r) => [...r.attachments, ...r.steps.flatMap((s) => s.attachments)]);
    expect(attachments.length).toBeGreaterThan(0);
    for (const a of attachments) {
      expect(await readFile(path.join(site.outDir, a.href))).toEqual(await readFile(a.path));
    }
    const linked = (await Promise.all(site.run.results.map((r) => readFile(path.join(site.outDir, 'tests', `${r.slug}.html`), 'utf8')))).join('');
    for (const a of attachments) expect(linked).toContain(a.href);
    // Straight into the site: none is copied into the content folder on the way.
    expect(await fg('files/**', { cwd: site.contentDir })).toEqual([]);
  });
});

describe("Astro's process", () => {
  it('removes its work folder when the build stops before it needed Astro', async () => {
    const astro = await startAstroBuild(silentLogger);
    expect(existsSync(astro.workDir)).toBe(true);
    await astro.cancel();
    expect(existsSync(astro.workDir)).toBe(false);
  });
});

describe('pages rendered while Astro builds', () => {
  it('are the same pages whether they wait in memory or in the content folder', async () => {
    const [held, spilled] = await Promise.all([buildSite([fixture('jest')]), buildSite([fixture('jest')], {}, { pendingPagesBudget: 0 })]);
    // With no memory budget every generated page waits in the content folder; by default none does.
    // (One per test and per feature node, and the Changes, Flaky tests, Unexplained failures and Rejected input pages.)
    expect((await fg('html/**/*.html', { cwd: spilled.contentDir })).length).toBe(held.run.results.length + held.tree.nodes.length - 1 + 4);
    expect(await fg('html/**/*.html', { cwd: held.contentDir })).toEqual([]);
    const [a, b] = await Promise.all([readPages(held.outDir), readPages(spilled.outDir)]);
    expect([...b.keys()]).toEqual([...a.keys()]);
    for (const [file, html] of a) if (!file.startsWith('pagefind/')) expect(b.get(file), file).toBe(html);
    expect(a.has(`tests/${held.run.results[0]!.slug}.html`)).toBe(true);
  });
});

describe('the shipped demo', () => {
  it('reads without a single rejected file (every attachment it references is checked in)', async () => {
    const config = await loadConfig({ file: 'content/demo/casebook.config.json' });
    const { summary, run } = await generate({ ...config, content: path.join(await tempDir('demo'), 'content') });
    expect(summary.rejected).toEqual([]);
    expect(run.results.length).toBe(150);
  });
});
