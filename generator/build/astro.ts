// Runs Astro's build on the generated content, in a child process so its
// memory is released when it ends and its output can be shown as progress.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { Logger } from '../lib/logger.ts';

/** The package root: where astro.config.mjs and src/ live. */
export const SITE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const VITE_RESERVED = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']);

export interface AstroBuildOptions {
  contentDir: string;
  outDir: string;
  cacheDir: string;
  site?: string;
  base: string;
}

export interface AstroBuild {
  /** The process's own folder in the package's .astro/ (its prerender chunks and the staged site); removed when it ends. */
  readonly workDir: string;
  /** Gives the waiting Astro process its options; resolves when the site is built. */
  run(options: AstroBuildOptions): Promise<void>;
  /**
   * Ends the process when the build stopped before it needed Astro; resolves
   * once it has ended and its work folder is gone (a build that failed early
   * left an empty folder in the package's .astro/ each time).
   */
  cancel(): Promise<void>;
}

/**
 * Starts the Astro process at once, so it loads Astro while the generator
 * works; `run()` then hands it the options. (Astro's CLI takes everything at
 * start, hence astro-child.mjs, which calls Astro's build() API.)
 */
export async function startAstroBuild(logger: Logger): Promise<AstroBuild> {
  // Vite lets BASE_URL, MODE, DEV, PROD and SSR from the environment override
  // its own import.meta.env; a CI job (or Vitest) that sets BASE_URL would
  // otherwise silently break every link of the site.
  const env = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITE_RESERVED.has(name))),
    ASTRO_TELEMETRY_DISABLED: '1',
    // Rolldown's mimalloc would commit whole arenas up front and free late (docs/decisions/astro-process.md).
    MIMALLOC_ARENA_EAGER_COMMIT: '0',
    MIMALLOC_PURGE_DELAY: '0',
  };
  // Astro writes its prerender chunks to <cwd>/.astro/ (when the out folder is
  // not below cwd), and they import Astro's own dependencies, so that folder
  // must sit inside the package. A folder of its own per build keeps parallel
  // builds from one checkout from overwriting each other's chunks.
  await mkdir(path.join(SITE_ROOT, '.astro'), { recursive: true });
  await removeDeadWorkDirs(path.join(SITE_ROOT, '.astro'));
  // Named by the process that owns it, so the next build can tell a killed build's folder from a running one's.
  const workDir = await mkdtemp(path.join(SITE_ROOT, '.astro', `build-${process.pid}-`));
  const tail: string[] = [];
  const script = fileURLToPath(new URL('./astro-child.mjs', import.meta.url));
  // Astro works beside the pages process, so its peak adds to theirs: flags that keep it small (docs/decisions/astro-process.md).
  const child = spawn(process.execPath, ['--max-semi-space-size=4', '--optimize-for-size', script], { env, cwd: workDir, stdio: ['pipe', 'pipe', 'pipe'] });
  const onLine = astroOutput(logger, tail);
  child.stdout.on('data', onLine);
  child.stderr.on('data', onLine);
  // Astro writes the site into this folder, beside its prerender chunks, and it
  // is moved into the out folder afterwards: Astro moves its assets from the
  // chunks' folder into the site with rename(), which fails (EXDEV) when the
  // out folder is on another file system (a tmpfs, a mounted volume).
  const staged = path.join(workDir, 'site');
  let outDir: string | undefined;
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', async (code) => {
      let failure: unknown;
      if (code === 0 && outDir) await moveTree(staged, outDir).catch((error: unknown) => (failure = error));
      await rm(workDir, { recursive: true, force: true });
      if (failure) reject(failure);
      else resolve(code);
    });
  });
  exited.catch(() => undefined);
  return {
    workDir,
    async run(options) {
      outDir = options.outDir;
      child.stdin.end(JSON.stringify({ ...options, outDir: staged } satisfies AstroBuildOptions));
      const code = await exited;
      if (code !== 0) throw new CasebookError(`astro build failed (exit ${code}):\n${tail.join('\n')}`);
    },
    async cancel() {
      // Killed, whether it still waits for its options or already builds: told to exit by
      // itself it could hang inside process.exit() (docs/decisions/astro-process.md).
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await exited.catch(() => undefined);
    },
  };
}

/**
 * Moves a folder to `to` (whose previous content build() has moved aside): one
 * rename on the same file system, a copy across file systems, and a merge when
 * `to` already holds files.
 */
async function moveTree(from: string, to: string): Promise<void> {
  await mkdir(path.dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    await cp(from, to, { recursive: true, force: true });
  }
}

/** The work folders of builds whose process is gone (killed before they could clean up). */
async function removeDeadWorkDirs(dir: string): Promise<void> {
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = Number(/^build-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') await rm(path.join(dir, name), { recursive: true, force: true });
    }
  }
}

/** Shows Astro's progress lines as the build's progress, and keeps its last 40 lines in `tail` for an error. */
function astroOutput(logger: Logger, tail: string[]): (chunk: Buffer) => void {
  return (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters
      const clean = line.replace(/\x1b\[[0-9;]*m/g, '').trim();
      if (!clean) continue;
      tail.push(clean);
      if (tail.length > 40) tail.shift();
      if (/error|warn|pages? built|Complete|generating static routes|Collecting/i.test(clean)) logger.progress(`astro: ${clean}`);
    }
  };
}
