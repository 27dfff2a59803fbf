// Builds a site into a temporary folder through the public API, as a user would.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { build } from '../../generator/build.ts';
import { loadConfig } from '../../generator/config/load.ts';
import type { BuildOptions, BuildResult } from '../../generator/build.ts';

const made: string[] = [];

/** A new temporary folder, removed after the test file (test/support/temp-dirs.ts). */
export async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `casebook-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the temporary folders made so far: each run of the suite left ~200 behind (8 GB in /tmp after a few days' work). */
export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function buildSite(results: string[], overrides: Record<string, unknown> = {}, options: BuildOptions = {}): Promise<BuildResult & { dir: string }> {
  const dir = await tempDir('site');
  const config = await loadConfig({
    cwd: dir,
    overrides: { results, out: path.join(dir, 'site'), content: path.join(dir, 'content'), ...overrides },
  });
  return { ...(await build(config, undefined, options)), dir };
}

export async function readPages(siteDir: string): Promise<Map<string, string>> {
  const files = await fg('**/*.html', { cwd: siteDir });
  const pages = new Map<string, string>();
  for (const file of files.sort()) pages.set(file, await readFile(path.join(siteDir, file), 'utf8'));
  return pages;
}
