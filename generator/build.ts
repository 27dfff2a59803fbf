// build(): generate the content, build it with Astro, index it with Pagefind.
import path from 'node:path';
import { startAstroBuild } from './build/astro.ts';
import { indexSite } from './build/index-site.ts';
import { siteFileCopier, takeFrame, writeFramedPages } from './build/frame.ts';
import { holdPages } from './build/held-pages.ts';
import type { HtmlPage } from './contract/frame.ts';
import { searchPagesIn } from './build/search-pages.ts';
import { CasebookError } from './diagnostics/diagnostic.ts';
import type { CasebookConfig } from './config/schema.ts';
import { splitBaseUrl } from './config/schema.ts';
import type { GenerateResult } from './generate.ts';
import { generate } from './generate.ts';
import type { Logger } from './lib/logger.ts';
import { silentLogger } from './lib/logger.ts';
import { noInterrupts, type Interrupts } from './lib/interrupts.ts';
import { abandonSite, prepareSite, type SiteHandle } from './write/output-folder.ts';

export interface BuildResult extends BuiltPages {
  indexedPages: number;
}

export interface BuiltPages extends GenerateResult {
  /** The site's folder (where it is once the build has finished). */
  outDir: string;
  /** Where the build writes until then, and the locks it holds. */
  site: SiteHandle;
  /** The search page of every page the generator rendered, which Pagefind reads in place of the framed page (contract/search.ts). */
  searchPagesDir: string;
}

export interface BuildOptions {
  /**
   * Pages rendered while Astro still builds the frame wait in memory up to
   * this many bytes (as UTF-8), then in the content folder (written, read back
   * and framed); once the frame exists, pages go straight into the site.
   * @default 134217728 (128 MiB)
   */
  pendingPagesBudget?: number;
  /**
   * Most pages in one Pagefind index; a larger site is indexed in parts the
   * search page merges (Pagefind's memory grows with the pages of an index).
   * @default 30000
   */
  pagesPerIndex?: number;
  /** The process that holds the site's locks until the build is done (the command line's, when it is another). @default process.pid */
  lockOwner?: number;
  /** Where a stopped build registers its cleanup (the command line traps the signals). */
  interrupts?: Interrupts;
}

/**
 * The whole build, as its two stages: the pages (generate, Astro, frame) into a
 * staging folder beside the site's, then the search index, swapped in only when
 * all of it succeeded; a failed build leaves the last site as it was. The
 * command line runs the same two stages, each in a process of its own
 * (cli/build-process.ts).
 */
export async function build(config: CasebookConfig & { configFile?: string }, logger: Logger = silentLogger, options: BuildOptions = {}): Promise<BuildResult> {
  const built = await buildSitePages(config, logger, options);
  return { ...built, ...(await indexSite(built, logger, options)) };
}

/** The first stage: checks, locks and stages the site's folder, and builds every page into it; on failure nothing stays staged. */
export async function buildSitePages(config: CasebookConfig & { configFile?: string }, logger: Logger = silentLogger, options: BuildOptions = {}): Promise<BuiltPages> {
  const { site, forget } = await prepareSite(config, options.lockOwner, options.interrupts);
  try {
    return await buildPages(config, site, logger, options);
  } catch (error) {
    await abandonSite(site);
    throw error;
  } finally {
    forget();
  }
}

/** Generate, Astro, and every page framed into the staged site. */
async function buildPages(config: CasebookConfig, staged: SiteHandle, logger: Logger = silentLogger, options: BuildOptions = {}): Promise<BuiltPages> {
  const budget = options.pendingPagesBudget ?? 128 * 2 ** 20;
  const { site, base } = splitBaseUrl(config.baseUrl);
  // Everything goes into the staging folder; build() or the build's last process swaps it in.
  const outDir = staged.staging;
  // Astro builds the site's own pages (in a child process, on the other core)
  // while the generator renders the test, case and feature pages.
  let astro: Promise<number> | undefined;
  const pages = holdPages(outDir, budget, logger);
  const searchPages = await searchPagesIn(config.content);
  // Astro's process starts now and loads Astro while the generator reads.
  const astroProcess = await startAstroBuild(logger);
  const forget = (options.interrupts ?? noInterrupts).add(() => astroProcess.cancel());
  try {
    const startAstro = (contentDir: string) => {
      const start = performance.now();
      logger.progress('astro: building pages');
      // Astro's cache belongs to this content folder: two sites built from one checkout must not share it.
      const cacheDir = path.join(contentDir, '.astro-cache');
      astro = astroProcess.run({ contentDir, outDir, cacheDir, site, base }).then(async () => {
        pages.frameReady(await takeFrame(outDir));
        return performance.now() - start;
      });
      // Reported when awaited below; this keeps an early failure from being unhandled meanwhile.
      astro.catch(() => undefined);
    };
    const takePage = async (where: string, page: HtmlPage) => {
      if (page.indexed !== false) await searchPages.write(where, page);
      return pages.take(where, page);
    };
    // Attachments go straight into the site (Astro's output is merged in later),
    // not into the content folder first and from there into the site.
    const generated = await generate(config, logger, { onSiteContent: startAstro, takePage, takeFile: siteFileCopier(outDir) });
    if (!astro) throw new CasebookError('generate() never reported its site content; the build cannot start Astro');
    let clock = performance.now();
    generated.timings.astro = await astro;
    // Only the part of Astro's time the generator was not also working.
    generated.timings.astroWait = performance.now() - clock;
    clock = performance.now();
    await pages.flushed();
    const framed = await writeFramedPages(generated.contentDir, outDir, pages.frame!);
    if (framed) logger.progress(`frame: ${framed} pages from the content folder`);
    generated.timings.frame = performance.now() - clock;
    await searchPages.removeStale();
    return { ...generated, outDir: staged.out, site: staged, searchPagesDir: searchPages.dir };
  } finally {
    forget();
    await astroProcess.cancel();
  }
}
