// build() end to end: what lands in the out folder.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { generate } from '../generator/generate.ts';
import { buildSite, tempDir } from './support/site.ts';

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

describe('the shipped demo', () => {
  it('reads without a single rejected file (every attachment it references is checked in)', async () => {
    const config = await loadConfig({ file: 'content/demo/casebook.config.json' });
    const { summary, run } = await generate({ ...config, content: path.join(await tempDir('demo'), 'content') });
    expect(summary.rejected).toEqual([]);
    expect(run.results.length).toBe(150);
  });
});
