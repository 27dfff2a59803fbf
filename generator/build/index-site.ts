// The second stage of a build: the search index of the staged pages, then the
// site swapped into place. Apart from build.ts so that the command line's index
// process loads only this, not the generator.
import type { Interrupts } from '../lib/interrupts.ts';
import { noInterrupts } from '../lib/interrupts.ts';
import type { Logger, Timings } from '../lib/logger.ts';
import { abandonSite, commitSite, type SiteHandle } from '../write/output-folder.ts';
import { indexWithPagefind } from './pagefind.ts';

/** What the second stage needs of the first. */
export interface StagedPages {
  /** Where the pages are staged, and the locks the build holds. */
  site: SiteHandle;
  /** The search page of every page the generator rendered, which Pagefind reads in place of the framed page (contract/search.ts). */
  searchPagesDir: string;
  /** The timings so far; the index's are added. */
  timings: Timings;
}

export interface IndexOptions {
  /** Most pages in one Pagefind index (see BuildOptions.pagesPerIndex). */
  pagesPerIndex?: number;
  interrupts?: Interrupts;
}

/** Indexes the staged site, then swaps it into place and releases its locks; on failure the staged site is removed and the last site stays. */
export async function indexSite(staged: StagedPages, logger: Logger, options: IndexOptions = {}): Promise<{ indexedPages: number }> {
  const { site } = staged;
  const forget = (options.interrupts ?? noInterrupts).add(() => abandonSite(site));
  try {
    const indexed = await indexWithPagefind({ outDir: site.staging, searchPagesDir: staged.searchPagesDir }, staged.timings, logger, options.pagesPerIndex);
    await commitSite(site);
    return indexed;
  } catch (error) {
    await abandonSite(site);
    throw error;
  } finally {
    forget();
  }
}
