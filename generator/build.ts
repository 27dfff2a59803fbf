// build(): generate the content, build it with Astro, index it with Pagefind.
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { runAstroBuild } from './build/astro.ts';
import { runPagefind } from './build/pagefind.ts';
import { copySiteFiles, takeFrame, writeFramedPages } from './build/frame.ts';
import { CasebookError } from './diagnostics/diagnostic.ts';
import type { CasebookConfig } from './config/schema.ts';
import { splitBaseUrl } from './config/schema.ts';
import type { GenerateResult } from './generate.ts';
import { generate } from './generate.ts';
import type { Logger } from './logger.ts';
import { silentLogger } from './logger.ts';

export interface BuildResult extends GenerateResult {
  outDir: string;
  indexedPages: number;
}

export async function build(config: CasebookConfig, logger: Logger = silentLogger): Promise<BuildResult> {
  const { site, base } = splitBaseUrl(config.baseUrl);
  const outDir = path.resolve(config.out);
  // Astro builds the site's own pages (in a child process, on the other core)
  // while the generator renders the test and case pages.
  let astro: Promise<number> | undefined;
  const startAstro = (contentDir: string) => {
    const start = performance.now();
    logger.progress('astro: building pages');
    astro = rm(outDir, { recursive: true, force: true })
      .then(() => runAstroBuild({ contentDir, outDir, cacheDir: path.join(path.dirname(contentDir), 'astro-cache'), site, base }, logger))
      .then(() => performance.now() - start);
    // Reported when awaited below; this keeps an early failure from being unhandled meanwhile.
    astro.catch(() => undefined);
  };
  const generated = await generate(config, logger, { onSiteContent: startAstro });
  if (!astro) throw new CasebookError('generate() never reported its site content; the build cannot start Astro');
  let clock = performance.now();
  generated.timings.astro = await astro;
  // Only the part of Astro's time the generator was not also working.
  generated.timings.astroWait = performance.now() - clock;
  clock = performance.now();
  logger.progress('frame: writing test and case pages');
  const framed = await writeFramedPages(generated.contentDir, outDir, await takeFrame(outDir));
  await copySiteFiles(generated.contentDir, outDir);
  logger.progress(`frame: ${framed} pages`);
  generated.timings.frame = performance.now() - clock;
  clock = performance.now();
  logger.progress('pagefind: indexing');
  const { pages } = await runPagefind(outDir);
  generated.timings.pagefind = performance.now() - clock;
  return { ...generated, outDir, indexedPages: pages };
}
