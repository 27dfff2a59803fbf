// build() end to end: what lands in the out folder.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from './support/site.ts';

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
    const mochaPage = await readFile(path.join(mocha.outDir, 'tests', mocha.run.results[0]!.slug, 'index.html'), 'utf8');
    expect(mochaPage).toContain('href="/docs/');
    expect(mochaPage).not.toMatch(/href="\/(features|tests)\//);
  });
});
