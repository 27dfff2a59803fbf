// The folders a build writes (the site, the content folder) and deletes from.
// Casebook deletes only what it wrote: a folder it writes is empty, absent or
// marked as its own, never an input, never `/`, the home folder or a folder
// holding the current one. A site is built beside its folder and swapped in
// only when the build succeeded, so a failed or killed build leaves the last
// good site; a lock file beside each folder keeps two builds out of one folder.
import { mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONTENT, DEFAULT_OUT } from '../config/defaults.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { noInterrupts, type Interrupts } from '../lib/interrupts.ts';

/** The file that marks a folder as a site Casebook built (written first into every staged site). */
export const SITE_MARKER = '.casebook-site';
/** The content writer's manifest marks the content folder (write/content-folder.ts). */
export const CONTENT_MARKER = '.casebook-manifest.json';

/** The inputs of a build, by the name the user knows them by. */
export interface BuildFolders {
  results: readonly string[];
  cases: readonly string[];
  defects: readonly string[];
  templates?: string;
  requirements?: string;
  configFile?: string;
  content: string;
  out?: string;
}

/** The real path of `dir`, or of its nearest existing parent joined with the rest. */
async function realOrPlanned(dir: string): Promise<string> {
  const absolute = path.resolve(dir);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.push(path.basename(current));
      current = parent;
    }
  }
}

const within = (outer: string, inner: string) => inner === outer || inner.startsWith(outer.endsWith(path.sep) ? outer : outer + path.sep);

function refuse(message: string, hint: string): never {
  throw new CasebookError(message, { hint, exitCode: 2 });
}

/** Whether a folder that has no marker is an earlier Casebook site all the same (built before sites were marked). */
async function isUnmarkedSite(dir: string): Promise<boolean> {
  const summary = await readFile(path.join(dir, 'summary.json'), 'utf8').catch(() => '');
  const pagefind = await stat(path.join(dir, 'pagefind')).catch(() => undefined);
  if (!summary || !pagefind?.isDirectory()) return false;
  try {
    const parsed = JSON.parse(summary) as { version?: unknown; run?: unknown; diagnostics?: unknown };
    return parsed.version === 1 && typeof parsed.run === 'object' && Array.isArray(parsed.diagnostics);
  } catch {
    return false;
  }
}

/**
 * Checks that Casebook may write (and delete in) `dir` as `role`; returns its
 * real path. Refuses with exit code 2 and a reason.
 */
export async function checkOutputFolder(dir: string, role: 'out' | 'content', folders: BuildFolders): Promise<string> {
  const flag = role === 'out' ? '--out' : '--content';
  const real = await realOrPlanned(dir);
  const cwd = await realOrPlanned(process.cwd());
  const home = await realOrPlanned(homedir());
  const pick = `choose an empty or new folder for ${flag}, e.g. ${role === 'out' ? DEFAULT_OUT : DEFAULT_CONTENT}`;
  if (real === path.parse(real).root) refuse(`refusing to write the ${role === 'out' ? 'site' : 'content'} into ${real}: it is the root of the file system`, pick);
  if (real === home) refuse(`refusing to use your home folder ${real} as ${flag}`, pick);
  if (within(real, cwd)) refuse(`refusing to use ${dir} as ${flag}: it ${real === cwd ? 'is' : 'holds'} the current folder`, pick);
  const inputs: [string, string | undefined][] = [
    ...folders.results.map((f) => ['results folder', f] as [string, string]),
    ...folders.cases.map((f) => ['cases folder', f] as [string, string]),
    ...folders.defects.map((f) => ['defects folder', f] as [string, string]),
    ['templates folder', folders.templates],
    ['requirements file', folders.requirements],
    ['config file', folders.configFile],
    ...(role === 'out' ? [['content folder', folders.content] as [string, string]] : [['site folder', folders.out] as [string, string | undefined]]),
  ];
  for (const [what, input] of inputs) {
    if (!input) continue;
    const other = await realOrPlanned(input);
    if (within(real, other)) refuse(`refusing to use ${dir} as ${flag}: it ${real === other ? 'is' : 'holds'} the ${what} ${input}`, pick);
    if (within(other, real) && !what.endsWith('file')) refuse(`refusing to use ${dir} as ${flag}: it is inside the ${what} ${input}`, pick);
  }
  const found = await stat(real).catch(() => undefined);
  if (!found) return real;
  if (!found.isDirectory()) refuse(`refusing to use ${dir} as ${flag}: it is a file, not a folder`, pick);
  const entries = await readdir(real);
  const marker = role === 'out' ? SITE_MARKER : CONTENT_MARKER;
  if (entries.length === 0 || entries.includes(marker)) return real;
  if (role === 'out' && (await isUnmarkedSite(real))) return real;
  refuse(
    `refusing to use ${dir} as ${flag}: it holds ${entries.length} file(s) that Casebook did not write (no ${marker} in it), and a build replaces the whole folder`,
    `${pick}, or empty this one yourself`,
  );
}

const lockFileOf = (dir: string) => path.join(path.dirname(dir), `.${path.basename(dir)}.casebook-lock`);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const holderOf = async (file: string) => Number((JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as { pid?: unknown }).pid);

/**
 * Takes the lock on `dir` (a file beside it) for the process `owner`, the one
 * that finishes the build; returns the lock file. A lock whose process is
 * gone is taken over; another live build's lock is an error naming it.
 */
export async function lockFolder(dir: string, owner: number = process.pid): Promise<string> {
  const file = lockFileOf(dir);
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, `${JSON.stringify({ pid: owner })}\n`, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = await holderOf(file);
      if (Number.isInteger(holder) && holder > 0 && holder !== owner && isAlive(holder)) {
        throw new CasebookError(`another casebook build (process ${holder}) is writing ${dir}`, {
          hint: `wait until it has finished, or give this build another folder; remove ${file} if no build is running`,
          exitCode: 2,
        });
      }
      await rm(file, { force: true });
    }
  }
}

/** Releases the locks `owner` holds (a lock another build took over since is left alone). */
export async function unlockFolders(files: readonly string[], owner: number): Promise<void> {
  for (const file of files) if ((await holderOf(file)) === owner) await rm(file, { force: true });
}

/**
 * A build's site as it passes from process to process: where it goes, where
 * it is built, and the locks held until it is in place (plain data: it travels
 * with the build's stage, see cli/build-process.ts).
 */
export interface SiteHandle {
  /** The final folder (a real path). */
  out: string;
  /** Where the build writes: beside `out`, on its file system, so the swap is a rename. */
  staging: string;
  /** The content folder (a real path). */
  content: string;
  locks: string[];
  /** The process that holds the locks. */
  owner: number;
}

type FolderConfig = Omit<BuildFolders, 'out' | 'content'> & { out: string; content: string };

/**
 * Before a build writes anything: checks the site and content folders, locks
 * them and makes the staging folder (removing what a killed build left).
 */
export async function prepareSite(config: FolderConfig, owner: number = process.pid, interrupts: Interrupts = noInterrupts): Promise<{ site: SiteHandle; forget: () => void }> {
  const out = await checkOutputFolder(config.out, 'out', config);
  const content = await checkOutputFolder(config.content, 'content', config);
  const locks: string[] = [];
  const staging = stagingOf(out);
  let staged = false;
  // From the first lock on, a stop removes what there is so far.
  const forget = interrupts.add(async () => {
    if (staged) await rm(staging, { recursive: true, force: true });
    await unlockFolders(locks, owner);
  });
  try {
    locks.push(await lockFolder(out, owner));
    locks.push(await lockFolder(content, owner));
    await markContent(content);
    staged = true;
    await stageSite(out, staging);
    return { site: { out, staging, content, locks, owner }, forget };
  } catch (error) {
    forget();
    await unlockFolders(locks, owner);
    throw error;
  }
}

/** Before `casebook generate` writes: checks and locks the content folder; returns the lock file. */
export async function prepareContent(config: Omit<FolderConfig, 'out'>, owner: number = process.pid): Promise<string> {
  // No site is written: only the inputs are compared against.
  const content = await checkOutputFolder(config.content, 'content', { ...config, out: undefined });
  const lock = await lockFolder(content, owner);
  await markContent(content);
  return lock;
}

/** Marks a new content folder as Casebook's before anything is written into it: a build that fails early still leaves it marked. */
async function markContent(content: string): Promise<void> {
  await mkdir(content, { recursive: true });
  await writeFile(path.join(content, CONTENT_MARKER), '[]', { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
}

const stagingPrefix = (out: string) => `.${path.basename(out)}.casebook-`;

const stagingOf = (out: string) => path.join(path.dirname(out), `${stagingPrefix(out)}staging-${process.pid}`);

async function stageSite(out: string, dir: string): Promise<void> {
  await mkdir(path.dirname(out), { recursive: true });
  await removeLeftovers(out);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir);
  await writeFile(path.join(dir, SITE_MARKER), 'This folder is a site built by Casebook; the next build replaces all of it.\n');
}

/** Staging and old folders of `out` that a killed build left (they hold the site marker). */
async function removeLeftovers(out: string): Promise<void> {
  const parent = path.dirname(out);
  const prefix = stagingPrefix(out);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    if (!name.startsWith(prefix) || !/^(staging|old)-\d+$/.test(name.slice(prefix.length))) continue;
    const leftover = path.join(parent, name);
    if (await stat(path.join(leftover, SITE_MARKER)).catch(() => undefined)) await rm(leftover, { recursive: true, force: true });
  }
}

/** Puts the staged site in place of the last one, deletes the last one and releases the locks. */
export async function commitSite(site: SiteHandle): Promise<void> {
  const old = path.join(path.dirname(site.out), `${stagingPrefix(site.out)}old-${process.pid}`);
  const previous = await stat(site.out).catch(() => undefined);
  try {
    if (previous) await rename(site.out, old);
    try {
      await rename(site.staging, site.out);
    } catch (error) {
      if (previous) await rename(old, site.out).catch(() => undefined);
      throw error;
    }
    if (previous) await rm(old, { recursive: true, force: true });
  } finally {
    await unlockFolders(site.locks, site.owner);
  }
}

/** Removes a staged site that will not be used (the build failed or was stopped) and releases the locks; the last site stays. */
export async function abandonSite(site: SiteHandle): Promise<void> {
  await rm(site.staging, { recursive: true, force: true });
  await unlockFolders(site.locks, site.owner);
}
