// Builds a site into a temporary folder through the public API, as a user would.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { build } from '../../generator/build.ts';
import { loadConfig } from '../../generator/config/load.ts';
import type { BuildOptions, BuildResult } from '../../generator/build.ts';

export async function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `casebook-${prefix}-`));
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
