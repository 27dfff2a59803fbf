// Indexes the built site with Pagefind's Node API, the way Starlight does:
// createIndex → addDirectory → writeFiles, errors checked, close() always.
import * as pagefind from 'pagefind';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { Logger, Timings } from '../logger.ts';

// Pagefind's Node API drives one service per process, and close() ends it for
// every caller: two builds in one process must take turns.
let turn: Promise<unknown> = Promise.resolve();

export function runPagefind(siteDir: string): Promise<{ pages: number }> {
  const run = turn.then(() => indexSite(siteDir));
  turn = run.catch(() => undefined);
  return run;
}

async function indexSite(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new CasebookError(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length) throw new CasebookError(`pagefind could not index ${siteDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${siteDir}/pagefind` });
    if (written.errors.length) throw new CasebookError(`pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/** Indexes a built site with Pagefind; adds its time to `timings`. */
export async function indexWithPagefind(outDir: string, timings: Timings, logger: Logger): Promise<{ indexedPages: number }> {
  const clock = performance.now();
  logger.progress('pagefind: indexing');
  const { pages } = await runPagefind(outDir);
  timings.pagefind = performance.now() - clock;
  return { indexedPages: pages };
}
