// Indexes the built site with Pagefind's Node API, the way Starlight does:
// createIndex → addDirectory → writeFiles, errors checked, close() always.
//
// Pagefind holds every page of an index in memory while it writes it (~27 KB
// per page here: 330 MB at 11,000 pages, 3.1 GB at 111,000), and has no
// setting to bound that. So a large site is indexed in parts of at most
// PAGES_PER_INDEX pages, one Pagefind process after the other: `pagefind/` is
// the main bundle, `pagefind-2/`, `pagefind-3/`, … the others, and the search
// page merges them (Pagefind's mergeIndex), listed in SEARCH_MERGE_FILE.
//
// The pages the generator rendered are read from their search pages (see
// contract/search.ts), a third of the HTML elements of the framed page.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_MERGE_FILE } from '../contract/search.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { Logger, Timings } from '../lib/logger.ts';

/** Pages per Pagefind index: ~0.8 GB of Pagefind's memory at most. */
export const PAGES_PER_INDEX = 30_000;

/** The folders of the pages the generator renders, one page per file, named by slug; every one is indexed (data-pagefind-body). */
const PAGE_SECTIONS = new Set(['tests', 'cases', 'features']);

/** A built site: its folder and, from a build, the search pages that stand in for its generated pages (contract/search.ts). */
export interface SiteToIndex {
  outDir: string;
  searchPagesDir?: string | undefined;
}

/** Pages for Pagefind: a folder and a glob of its pages (relative to it); Pagefind's own glob (every .html) when absent. */
export interface IndexSource {
  dir: string;
  glob?: string;
}

/** One index: where its pages come from, and how many there are. */
export interface IndexPart {
  sources: IndexSource[];
  pages: number;
}

interface Unit {
  dir: string;
  glob: string;
  pages: number;
}

// Pagefind's Node API drives one service per process, and close() ends it for
// every caller: two builds in one process must take turns.
let turn: Promise<unknown> = Promise.resolve();

export function runPagefind(site: SiteToIndex, logger?: Logger, pagesPerIndex = PAGES_PER_INDEX): Promise<{ pages: number; indexes: number }> {
  const run = turn.then(() => indexSite(site, logger, pagesPerIndex));
  turn = run.catch(() => undefined);
  return run;
}

async function indexSite(site: SiteToIndex, logger: Logger | undefined, pagesPerIndex: number): Promise<{ pages: number; indexes: number }> {
  const parts = await splitSite(site, pagesPerIndex);
  let pages = 0;
  const bundles: string[] = [];
  for (const [i, part] of parts.entries()) {
    const bundle = i === 0 ? 'pagefind' : `pagefind-${i + 1}`;
    if (parts.length > 1) logger?.progress(`pagefind: index ${i + 1} of ${parts.length} (${part.pages} pages)`);
    pages += await indexPart(part, path.join(site.outDir, bundle));
    bundles.push(`${bundle}/`);
  }
  await writeFile(path.join(site.outDir, 'pagefind', SEARCH_MERGE_FILE), `${JSON.stringify(bundles.slice(1))}\n`);
  return { pages, indexes: parts.length };
}

/** One Pagefind process per index, ended before the next starts, so its memory is returned. */
async function indexPart(part: IndexPart, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new CasebookError(`pagefind could not start: ${errors.join('; ')}`);
    const added = await Promise.all(part.sources.map(({ dir, glob }) => index.addDirectory({ path: dir, ...(glob ? { glob } : {}) })));
    for (const [i, { errors }] of added.entries()) {
      if (errors.length) throw new CasebookError(`pagefind could not index ${part.sources[i]!.dir}: ${errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new CasebookError(`pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.reduce((n, a) => n + a.page_count, 0);
  } finally {
    await pagefind.close();
  }
}

/** A folder's pages, relative to it (`/`-separated), by top-level folder; `''` for the pages at its top. */
async function pagesBySection(dir: string): Promise<Map<string, string[]>> {
  const sections = new Map<string, string[]>();
  for (const file of await readdir(dir, { recursive: true }).catch(() => [] as string[])) {
    if (!file.endsWith('.html')) continue;
    const [section, ...rest] = file.split(path.sep);
    const key = rest.length ? section! : '';
    let list = sections.get(key);
    if (!list) {
      list = [];
      sections.set(key, list);
    }
    list.push(rest.length ? rest.join('/') : section!);
  }
  return sections;
}

/** A path a glob reads as itself. */
const plainPath = (file: string) => /^[a-z0-9._/-]+$/i.test(file);

/**
 * The indexes to build, each at most `limit` pages: one for the whole site
 * when it is that small. Pages the search pages folder has stand in for the
 * site's pages of the same path (so Pagefind parses neither the frame nor
 * what the page marks as unindexed). Otherwise every other page goes into the
 * first index together with generated pages (so each index has pages marked
 * data-pagefind-body, and unmarked ones stay unindexed as in one index), and
 * the page sections are split by slug prefix into indexes of at most `limit`.
 */
export async function splitSite({ outDir, searchPagesDir }: SiteToIndex, limit: number): Promise<IndexPart[]> {
  const site = await pagesBySection(outDir);
  const standIns = searchPagesDir ? await pagesBySection(searchPagesDir) : new Map<string, string[]>();
  const rest: Unit[] = [];
  const sections: Unit[] = [];
  let total = 0;
  for (const name of [...site.keys()].sort()) {
    if (name.startsWith('pagefind') || name === '_astro') continue;
    const files = site.get(name)!.sort();
    total += files.length;
    if (name === '') {
      rest.push(...files.map((f) => ({ dir: outDir, glob: f, pages: 1 })));
      continue;
    }
    const replaced = new Set(standIns.get(name) ?? []);
    const own = files.filter((f) => !replaced.has(f));
    if (searchPagesDir && replaced.size > 0 && own.every(plainPath) && own.length + replaced.size === files.length) {
      // The section from the search pages; the site's other pages of it (the features index) one by one.
      rest.push(...own.map((f) => ({ dir: outDir, glob: `${name}/${f}`, pages: 1 })));
      sections.push(...sectionParts(searchPagesDir, name, [...replaced], limit));
    } else if (PAGE_SECTIONS.has(name)) sections.push(...sectionParts(outDir, name, files, limit));
    else rest.push({ dir: outDir, glob: `${name}/**/*.html`, pages: files.length });
  }
  if (total <= limit && !searchPagesDir) return [{ sources: [{ dir: outDir }], pages: total }];
  const parts: Unit[][] = [[...rest]];
  let size = rest.reduce((n, p) => n + p.pages, 0);
  for (const [i, unit] of sections.entries()) {
    if (i > 0 && size + unit.pages > limit) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(unit);
    size += unit.pages;
  }
  return parts.map((units) => ({ sources: sourcesOf(units), pages: units.reduce((n, u) => n + u.pages, 0) }));
}

/** Units as one glob per folder. */
function sourcesOf(units: Unit[]): IndexSource[] {
  const byDir = new Map<string, string[]>();
  for (const { dir, glob } of units) {
    let globs = byDir.get(dir);
    if (!globs) {
      globs = [];
      byDir.set(dir, globs);
    }
    globs.push(glob);
  }
  return [...byDir].map(([dir, globs]) => ({ dir, glob: globs.length === 1 ? globs[0]! : `{${globs.join(',')}}` }));
}

/** A page section as units of at most `limit` pages: its slugs grouped by ever longer common prefixes. */
function sectionParts(root: string, dir: string, files: string[], limit: number): Unit[] {
  // Slugs only; anything else (a subfolder, a name a glob would misread) keeps the section whole.
  if (!files.every((f) => /^[a-z0-9._-]+$/.test(f))) return [{ dir: root, glob: `${dir}/**/*.html`, pages: files.length }];
  const parts: Unit[] = [];
  const byPrefix = (names: string[], prefix: string): void => {
    if (names.length === 1) parts.push({ dir: root, glob: `${dir}/${names[0]}`, pages: 1 });
    else if (names.length <= limit) parts.push({ dir: root, glob: `${dir}/${prefix}*.html`, pages: names.length });
    else {
      const groups = new Map<string, string[]>();
      for (const name of names) {
        const next = name.slice(0, prefix.length + 1);
        let group = groups.get(next);
        if (!group) {
          group = [];
          groups.set(next, group);
        }
        group.push(name);
      }
      for (const key of [...groups.keys()].sort()) byPrefix(groups.get(key)!, key);
    }
  };
  byPrefix(files.sort(), '');
  return parts;
}

/** Indexes a built site with Pagefind; adds its time to `timings`. */
export async function indexWithPagefind(site: SiteToIndex, timings: Timings, logger: Logger, pagesPerIndex = PAGES_PER_INDEX): Promise<{ indexedPages: number }> {
  const clock = performance.now();
  logger.progress('pagefind: indexing');
  const { pages } = await runPagefind(site, logger, pagesPerIndex);
  timings.pagefind = performance.now() - clock;
  return { indexedPages: pages };
}
