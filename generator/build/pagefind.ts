// Indexes the built site with Pagefind's Node API, the way Starlight does:
// createIndex → addDirectory → writeFiles, errors checked, close() always.
//
// Pagefind holds every page of an index in memory while it writes it (~27 KB
// per page here: 330 MB at 11,000 pages, 3.1 GB at 111,000), and has no
// setting to bound that. So a large site is indexed in parts of at most
// PAGES_PER_INDEX pages, one Pagefind process after the other: `pagefind/` is
// the main bundle, `pagefind-2/`, `pagefind-3/`, … the others, and the search
// page merges them (Pagefind's mergeIndex), listed in SEARCH_MERGE_FILE.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_MERGE_FILE } from '../contract/search.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { Logger, Timings } from '../logger.ts';

/** Pages per Pagefind index: ~0.8 GB of Pagefind's memory at most. */
export const PAGES_PER_INDEX = 30_000;

/** The folders of the pages the generator renders, one page per file, named by slug; every one is indexed (data-pagefind-body). */
const PAGE_SECTIONS = new Set(['tests', 'cases', 'features']);

/** Part of the site for one index: a Pagefind glob (relative to the site) and how many pages it matches. */
export interface IndexPart {
  glob: string;
  pages: number;
}

// Pagefind's Node API drives one service per process, and close() ends it for
// every caller: two builds in one process must take turns.
let turn: Promise<unknown> = Promise.resolve();

export function runPagefind(siteDir: string, logger?: Logger, pagesPerIndex = PAGES_PER_INDEX): Promise<{ pages: number; indexes: number }> {
  const run = turn.then(() => indexSite(siteDir, logger, pagesPerIndex));
  turn = run.catch(() => undefined);
  return run;
}

async function indexSite(siteDir: string, logger: Logger | undefined, pagesPerIndex: number): Promise<{ pages: number; indexes: number }> {
  const parts = await splitSite(siteDir, pagesPerIndex);
  let pages = 0;
  const bundles: string[] = [];
  for (const [i, part] of parts.entries()) {
    const bundle = i === 0 ? 'pagefind' : `pagefind-${i + 1}`;
    if (parts.length > 1) logger?.progress(`pagefind: index ${i + 1} of ${parts.length} (${part?.pages} pages)`);
    pages += await indexPart(siteDir, part, path.join(siteDir, bundle));
    bundles.push(`${bundle}/`);
  }
  await writeFile(path.join(siteDir, 'pagefind', SEARCH_MERGE_FILE), JSON.stringify(bundles.slice(1)) + '\n');
  return { pages, indexes: parts.length };
}

/** One Pagefind process per index, ended before the next starts, so its memory is returned. */
async function indexPart(siteDir: string, part: IndexPart | undefined, outputPath: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new CasebookError(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir, ...(part ? { glob: part.glob } : {}) });
    if (added.errors.length) throw new CasebookError(`pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new CasebookError(`pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

/**
 * The parts to index the site in: `[undefined]` (the whole site, Pagefind's own
 * glob) when it has at most `limit` pages. Otherwise every other page goes into
 * the first part together with generated pages (so each part has pages marked
 * data-pagefind-body, and unmarked ones stay unindexed as in one index), and
 * the page sections are split by slug prefix into parts of at most `limit`.
 */
export async function splitSite(siteDir: string, limit: number): Promise<(IndexPart | undefined)[]> {
  const entries = (await readdir(siteDir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const rest: IndexPart[] = [];
  const sections: IndexPart[] = [];
  let total = 0;
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      rest.push({ glob: entry.name, pages: 1 });
      total += 1;
    }
    if (!entry.isDirectory() || entry.name.startsWith('pagefind') || entry.name === '_astro') continue;
    const files = (await readdir(path.join(siteDir, entry.name), { recursive: true })).filter((f) => f.endsWith('.html'));
    if (files.length === 0) continue;
    total += files.length;
    if (!PAGE_SECTIONS.has(entry.name)) rest.push({ glob: `${entry.name}/**/*.html`, pages: files.length });
    else sections.push(...sectionParts(entry.name, files, limit));
  }
  if (total <= limit) return [undefined];
  const parts: IndexPart[][] = [[...rest]];
  let size = rest.reduce((n, p) => n + p.pages, 0);
  for (const [i, part] of sections.entries()) {
    if (i > 0 && size + part.pages > limit) {
      parts.push([]);
      size = 0;
    }
    parts.at(-1)!.push(part);
    size += part.pages;
  }
  return parts.map((p) => ({ glob: p.length === 1 ? p[0]!.glob : `{${p.map((u) => u.glob).join(',')}}`, pages: p.reduce((n, u) => n + u.pages, 0) }));
}

/** A page section as parts of at most `limit` pages: its slugs grouped by ever longer common prefixes. */
function sectionParts(dir: string, files: string[], limit: number): IndexPart[] {
  // Slugs only; anything else (a subfolder, a name a glob would misread) keeps the section whole.
  if (!files.every((f) => /^[a-z0-9._-]+$/.test(f))) return [{ glob: `${dir}/**/*.html`, pages: files.length }];
  const parts: IndexPart[] = [];
  const byPrefix = (names: string[], prefix: string): void => {
    if (names.length === 1) parts.push({ glob: `${dir}/${names[0]}`, pages: 1 });
    else if (names.length <= limit) parts.push({ glob: `${dir}/${prefix}*.html`, pages: names.length });
    else {
      const groups = new Map<string, string[]>();
      for (const name of names) {
        const next = name.slice(0, prefix.length + 1);
        let group = groups.get(next);
        if (!group) groups.set(next, (group = []));
        group.push(name);
      }
      for (const key of [...groups.keys()].sort()) byPrefix(groups.get(key)!, key);
    }
  };
  byPrefix(files.sort(), '');
  return parts;
}

/** Indexes a built site with Pagefind; adds its time to `timings`. */
export async function indexWithPagefind(outDir: string, timings: Timings, logger: Logger, pagesPerIndex = PAGES_PER_INDEX): Promise<{ indexedPages: number }> {
  const clock = performance.now();
  logger.progress('pagefind: indexing');
  const { pages } = await runPagefind(outDir, logger, pagesPerIndex);
  timings.pagefind = performance.now() - clock;
  return { indexedPages: pages };
}
