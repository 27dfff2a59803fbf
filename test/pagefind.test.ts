// A large site is indexed by Pagefind in parts (its memory grows with the pages
// of one index); the parts must hold exactly the pages one index would.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { runPagefind, splitSite } from '../generator/build/pagefind.ts';
import { SEARCH_MERGE_FILE } from '../generator/contract/search.ts';
import { tempDir } from './support/site.ts';

const page = (title: string, indexed: boolean) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav>Menu</nav><main${indexed ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>About ${title}.</p></main></body></html>`;

/** A site shaped like a built one: generated sections of slug-named pages, Astro's pages, assets. */
async function site(): Promise<string> {
  const dir = await tempDir('pagefind');
  const files: Record<string, string> = {
    'index.html': page('Overview', true),
    'search/index.html': page('Search', false),
    'coverage/index.html': page('Coverage', false),
    'defects/login-timeout/index.html': page('Login timeout', true),
    '_astro/site.css': 'body{}',
  };
  // Skewed like real test names: most start with the same few words.
  for (let i = 0; i < 90; i++) files[`tests/returns-the-order-${i}.html`] = page(`returns the order ${i}`, true);
  for (let i = 0; i < 30; i++) files[`tests/shows-${i}-items.html`] = page(`shows ${i} items`, true);
  for (let i = 0; i < 10; i++) files[`tests/${i}-upload.html`] = page(`${i} upload`, true);
  for (let i = 0; i < 25; i++) files[`features/area-${i}.html`] = page(`Area ${i}`, true);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  return dir;
}

describe('indexing a large site in parts', () => {
  it('splits the page sections by slug prefix into parts of at most the limit, covering every page once', async () => {
    const dir = await site();
    expect(await splitSite(dir, 1000)).toEqual([undefined]);
    const parts = await splitSite(dir, 40);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    const seen = new Map<string, number>();
    for (const [i, part] of parts.entries()) {
      const files = await fg(part!.glob, { cwd: dir, braceExpansion: true });
      expect(files.length, part!.glob).toBe(part!.pages);
      // The first part also carries the site's few other pages.
      if (i > 0) expect(part!.pages).toBeLessThanOrEqual(40);
      if (i > 0) expect(files.every((f) => /^(tests|features)\//.test(f)), part!.glob).toBe(true);
      for (const f of files) seen.set(f, (seen.get(f) ?? 0) + 1);
    }
    const all = await fg('**/*.html', { cwd: dir });
    expect([...seen.keys()].sort()).toEqual(all.sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('indexes the same pages in parts as in one index, and lists the parts for the search page', async () => {
    const dir = await site();
    /** Pages in the search index: what each bundle says it holds (Pagefind's own count includes pages it skipped). */
    const indexed = async () => {
      const others = JSON.parse(await readFile(path.join(dir, 'pagefind', SEARCH_MERGE_FILE), 'utf8')) as string[];
      let pages = 0;
      for (const folder of ['pagefind/', ...others]) {
        const entry = JSON.parse(await readFile(path.join(dir, folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
        pages += Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
      }
      return { bundles: others.length + 1, pages };
    };
    expect(await runPagefind(dir, undefined, 1000)).toMatchObject({ indexes: 1 });
    // Every marked page; the search and coverage pages carry no data-pagefind-body.
    expect(await indexed()).toEqual({ bundles: 1, pages: 157 });
    const split = await runPagefind(dir, undefined, 40);
    expect(split.indexes).toBeGreaterThanOrEqual(4);
    expect(await indexed()).toEqual({ bundles: split.indexes, pages: 157 });
  });
});
