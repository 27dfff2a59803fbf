// build(): generate the content, build it with Astro, index it with Pagefind.
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { runAstroBuild } from './build/astro.ts';
import { runPagefind } from './build/pagefind.ts';
import { takeFrame, writeFramedPages } from './build/frame.ts';
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
  const generated = await generate(config, logger);
  const { site, base } = splitBaseUrl(config.baseUrl);
  const outDir = path.resolve(config.out);
  await rm(outDir, { recursive: true, force: true });
  let clock = performance.now();
  logger.progress('astro: building pages');
  await runAstroBuild(
    { contentDir: generated.contentDir, outDir, cacheDir: path.join(path.dirname(generated.contentDir), 'astro-cache'), site, base },
    logger,
  );
  generated.timings.astro = performance.now() - clock;
  clock = performance.now();
  logger.progress('frame: writing test and case pages');
  const framed = await writeFramedPages(generated.contentDir, outDir, await takeFrame(outDir));
  logger.progress(`frame: ${framed} pages`);
  generated.timings.frame = performance.now() - clock;
  clock = performance.now();
  logger.progress('pagefind: indexing');
  const { pages } = await runPagefind(outDir);
  generated.timings.pagefind = performance.now() - clock;
  return { ...generated, outDir, indexedPages: pages };
}
