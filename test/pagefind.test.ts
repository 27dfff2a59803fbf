// A large site is indexed by Pagefind in parts (its memory grows with the pages
// of one index); the parts must hold exactly the pages one index would.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { runPagefind, splitSite, type IndexPart } from '../generator/build/pagefind.ts';
import { SEARCH_MERGE_FILE } from '../generator/contract/search.ts';
import { writeHostileResults } from './support/hostile-results.ts';
import { buildSite, tempDir } from './support/site.ts';

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

/** The pages each part reads, as absolute paths, checking its page count and limit (the first part also carries the site's few other pages). */
async function pagesOf(parts: IndexPart[], limit: number): Promise<string[][]> {
  const seen: string[][] = [];
  for (const [i, part] of parts.entries()) {
    const files: string[] = [];
    for (const { dir, glob } of part.sources) files.push(...(await fg(glob ?? '**/*.html', { cwd: dir, braceExpansion: true, absolute: true })));
    expect(files.length, JSON.stringify(part)).toBe(part.pages);
    if (i > 0) expect(part.pages).toBeLessThanOrEqual(limit);
    seen.push(files);
  }
  expect(new Set(seen.flat()).size, 'no page in two parts').toBe(seen.flat().length);
  return seen;
}

describe('indexing a large site in parts', () => {
  it('splits the page sections by slug prefix into parts of at most the limit, covering every page once', async () => {
    const dir = await site();
    expect(await splitSite({ outDir: dir }, 1000)).toEqual([{ sources: [{ dir }], pages: 159 }]);
    const parts = await splitSite({ outDir: dir }, 40);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    const seen = (await pagesOf(parts, 40)).map((files) => files.map((f) => path.relative(dir, f)));
    for (const [i, files] of seen.entries()) if (i > 0) expect(files.every((f) => /^(tests|features)\//.test(f)), files.join()).toBe(true);
    const all = await fg('**/*.html', { cwd: dir });
    expect(seen.flat().sort()).toEqual(all.sort());
  });

  it('reads the search pages in place of the same pages of the site, and every other page from the site', async () => {
    const dir = await site();
    const searchPagesDir = await tempDir('search-pages');
    // Stand-ins for the generated pages, as a build writes them; the features index is Astro's.
    const generated = (await fg('{tests,features}/*.html', { cwd: dir })).filter((f) => f !== 'features/index.html');
    await writeFile(path.join(dir, 'features/index.html'), page('Features', true));
    for (const file of generated) {
      await mkdir(path.dirname(path.join(searchPagesDir, file)), { recursive: true });
      await writeFile(path.join(searchPagesDir, file), page(file, true));
    }
    for (const limit of [1000, 40]) {
      const parts = await splitSite({ outDir: dir, searchPagesDir }, limit);
      const seen = (await pagesOf(parts, limit)).flat();
      expect(seen.filter((f) => f.startsWith(searchPagesDir)).sort()).toEqual(generated.map((f) => path.join(searchPagesDir, f)).sort());
      const fromSite = seen.filter((f) => !f.startsWith(searchPagesDir)).sort();
      expect(fromSite).toEqual((await fg('**/*.html', { cwd: dir, absolute: true })).filter((f) => !generated.includes(path.relative(dir, f))).sort());
      expect(fromSite).toContain(path.join(dir, 'features/index.html'));
    }
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
    expect(await runPagefind({ outDir: dir }, undefined, 1000)).toMatchObject({ indexes: 1 });
    // Every marked page; the search and coverage pages carry no data-pagefind-body.
    expect(await indexed()).toEqual({ bundles: 1, pages: 157 });
    const split = await runPagefind({ outDir: dir }, undefined, 40);
    expect(split.indexes).toBeGreaterThanOrEqual(4);
    expect(await indexed()).toEqual({ bundles: split.indexes, pages: 157 });
  });
});

/** Every page of a site's search index as Pagefind stored it (text, words, anchors, filters, meta), by URL, from all its bundles. */
async function indexedPages(siteDir: string): Promise<Map<string, unknown>> {
  const others = JSON.parse(await readFile(path.join(siteDir, 'pagefind', SEARCH_MERGE_FILE), 'utf8')) as string[];
  const pages = new Map<string, unknown>();
  for (const bundle of ['pagefind/', ...others]) {
    const dir = path.join(siteDir, bundle, 'fragment');
    for (const file of await readdir(dir)) {
      // A fragment is gzipped JSON behind a signature.
      const fragment = JSON.parse(gunzipSync(await readFile(path.join(dir, file))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string };
      pages.set(fragment.url, fragment);
    }
  }
  return pages;
}

describe('search pages', () => {
  it('index every generated page exactly as its framed page, without parsing what the page leaves unindexed', async () => {
    const results = ['vitest', 'jest', 'mocha', 'cucumber'].map((a) => path.resolve('test/fixtures', a, 'allure-results'));
    const hostile = await writeHostileResults(await tempDir('search-pages-hostile'));
    const site = await buildSite([...results, hostile], { defects: [path.resolve('test/fixtures/defects')], cases: [path.resolve('test/fixtures/cases')] });
    const fromSearchPages = await indexedPages(site.outDir);
    const searchPages = await fg('**/*.html', { cwd: site.searchPagesDir });
    // Tests, cases, features (the features index is Astro's page) and the known defects.
    expect(searchPages.length).toBe(site.totals.total + site.cases.cases.filter((c) => c.written).length + site.tree.nodes.length - 1 + site.failures.defects.length);
    // The same site indexed from its framed pages, as it would be without search pages.
    await runPagefind({ outDir: site.outDir });
    const fromSite = await indexedPages(site.outDir);
    // Every search page, and the site's own indexed pages (overview, defects, the features index).
    expect(fromSearchPages.size).toBeGreaterThan(searchPages.length);
    expect([...fromSearchPages.keys()].sort()).toEqual([...fromSite.keys()].sort());
    for (const [url, page] of fromSite) {
      // One difference: Pagefind takes a page's first image as its `image` meta, even in ignored content
      // (an attachment's screenshot); a search page has none. The search page shows no images (showImages: false).
      // Where the first image is indexed content (a description's), both have it.
      const { image, image_alt, ...meta } = (page as { meta: Record<string, string> }).meta;
      const kept = (fromSearchPages.get(url) as { meta?: Record<string, string> } | undefined)?.meta?.image !== undefined;
      expect(fromSearchPages.get(url), url).toEqual({ ...(page as object), meta: kept ? { ...meta, image, image_alt } : meta });
    }
    // What the search pages left out: a test's step tree is on its page, not in its search page.
    const stepPages = searchPages.filter((f) => f.startsWith('tests/'));
    let cut = 0;
    for (const file of stepPages) {
      const framed = await readFile(path.join(site.outDir, file), 'utf8');
      const searchPage = await readFile(path.join(site.searchPagesDir, file), 'utf8');
      expect(searchPage.length, file).toBeLessThan(framed.length);
      if (framed.includes('<h2 id="steps">')) {
        cut++;
        expect(searchPage, file).not.toContain('<h2 id="steps">');
      }
    }
    expect(cut).toBeGreaterThan(10);
    // A description's own copy of the marker hides nothing from search.
    expect(JSON.stringify([...fromSearchPages.values()])).toContain('Searchable despite the marker');
  });

  it('of a test no longer in the results are gone from the folder and the index after the next build into the same content folder, and unchanged ones are kept', async () => {
    const fixture = (adapter: string) => path.resolve('test/fixtures', adapter, 'allure-results');
    const first = await buildSite([fixture('jest'), fixture('mocha')]);
    const next = await buildSite([fixture('mocha')], { content: first.contentDir, out: first.outDir });
    expect(next.searchPagesDir).toBe(first.searchPagesDir);
    const gone = first.run.results.filter((r) => !next.run.results.some((n) => n.slug === r.slug));
    expect(gone.length).toBeGreaterThan(0);
    const testPages = (await fg('tests/*.html', { cwd: next.searchPagesDir })).sort();
    expect(testPages).toEqual(next.run.results.map((r) => `tests/${r.slug}.html`).sort());
    const indexed = [...(await indexedPages(next.outDir)).keys()];
    for (const r of gone) expect(indexed).not.toContain(`/tests/${r.slug}.html`);
    for (const r of next.run.results) expect(indexed).toContain(`/tests/${r.slug}.html`);
    // The same results once more: every search page is the same, so none is written again.
    const written = new Map<string, number>();
    for (const file of testPages) written.set(file, (await stat(path.join(next.searchPagesDir, file))).mtimeMs);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await buildSite([fixture('mocha')], { content: first.contentDir, out: first.outDir });
    for (const file of testPages) expect((await stat(path.join(next.searchPagesDir, file))).mtimeMs, file).toBe(written.get(file));
  });
});
