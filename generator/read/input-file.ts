// Every file Casebook reads from an input folder goes through here: it must be
// a regular file (a FIFO would hang the build, a device never ends), it must
// resolve inside its folder (a link to /proc/self/environ would publish the
// build's secrets), and it must be at most a size. A file that fails is
// refused with a reason that never quotes its content.
import fs, { constants, lstatSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../contract/view/format.ts';
import { readFile, syncWhileFast } from '../lib/file-io.ts';

const lstat = promisify(fs.lstat);
const stat = promisify(fs.stat);

export { DEFAULT_LIMITS, type InputLimits } from '../config/limits.ts';

/** A file that cannot be read as an input; `message` names the problem, never the content. */
export class InputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputFileError';
  }
}

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
// O_NOFOLLOW: a link is seen as a link (ELOOP) and resolved on purpose.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0);
/** The same flags for readFile, which takes numbers though its types say strings. */
const READ_FLAGS = OPEN_FLAGS as unknown as string;

/** Whether `target` (a real path) is `folder` (a real path) or below it. */
export function isInside(folder: string, target: string): boolean {
  return target === folder || target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/** Throws when an opened file is not a regular file within `maxBytes`. */
function checkStats(stats: Stats, maxBytes: number): void {
  if (!stats.isFile()) throw new InputFileError(`it is ${kindOf(stats)}, not a regular file`);
  if (stats.size > maxBytes) throw new InputFileError(`it is ${formatBytes(stats.size)}, more than the limit of ${formatBytes(maxBytes)} for this kind of file`);
}

function outside(file: string): InputFileError {
  return new InputFileError(`${path.basename(file)} is a link that leads out of its folder`);
}

function openError(error: NodeJS.ErrnoException, file: string): Error {
  if (error.code === 'ENOENT') return new InputFileError(`${path.basename(file)} does not exist`);
  if (error.code === 'EACCES' || error.code === 'EPERM') return new InputFileError(`${path.basename(file)} cannot be read (permission denied)`);
  if (error.code === 'EISDIR') return new InputFileError('it is a folder, not a regular file');
  return new InputFileError(`cannot open ${path.basename(file)} (${error.code ?? error.message})`);
}

/** The file to open: `file` itself, or where its link leads when that is inside `folder` (a real path). */
function resolveLinkSync(file: string, folder: string): string {
  let target: string;
  try {
    target = realpathSync(file);
  } catch {
    throw new InputFileError(`${path.basename(file)} is a broken link`);
  }
  if (!isInside(folder, target)) throw outside(file);
  return target;
}

async function resolveLink(file: string, folder: string): Promise<string> {
  const target = await realpath(file).catch(() => {
    throw new InputFileError(`${path.basename(file)} is a broken link`);
  });
  if (!isInside(folder, target)) throw outside(file);
  return target;
}

/**
 * Reads an input file as UTF-8 text, synchronously (see inputTextReader);
 * throws InputFileError. Two calls into Node for a plain file (lstat, then
 * readFileSync's one-call UTF-8 path): this runs once per result file. The
 * open flags keep a file swapped for a link or a FIFO in between from being
 * followed or waited on.
 */
export function readInputTextSync(file: string, folder: string, maxBytes: number): string {
  let target = file;
  let stats: Stats;
  try {
    stats = lstatSync(file);
    if (stats.isSymbolicLink()) {
      target = resolveLinkSync(file, folder);
      stats = statSync(target);
    }
  } catch (error) {
    throw error instanceof InputFileError ? error : openError(error as NodeJS.ErrnoException, file);
  }
  checkStats(stats, maxBytes);
  try {
    return readFileSync(target, { encoding: 'utf8', flag: READ_FLAGS });
  } catch (error) {
    throw openError(error as NodeJS.ErrnoException, file);
  }
}

/** The file to read (`file`, or where its link leads inside `folder`) and its stats; throws InputFileError. */
async function checked(file: string, folder: string, maxBytes: number): Promise<{ target: string; stats: Stats }> {
  let target = file;
  let stats: Stats;
  try {
    stats = await lstat(file);
    if (stats.isSymbolicLink()) {
      target = await resolveLink(file, folder);
      stats = await stat(target);
    }
  } catch (error) {
    throw error instanceof InputFileError ? error : openError(error as NodeJS.ErrnoException, file);
  }
  checkStats(stats, maxBytes);
  return { target, stats };
}

/** Reads an input file as UTF-8 text; throws InputFileError. Through fs's callback API, as file-io.ts explains. */
export async function readInputText(file: string, folder: string, maxBytes: number): Promise<string> {
  const { target } = await checked(file, folder, maxBytes);
  return readFile(target, { encoding: 'utf8', flag: READ_FLAGS }).catch((error: NodeJS.ErrnoException) => {
    throw openError(error, file);
  });
}

/** Reads an input file's bytes; throws InputFileError. */
export async function readInputBytes(file: string, folder: string, maxBytes: number): Promise<Buffer> {
  const { target } = await checked(file, folder, maxBytes);
  return readFile(target, { flag: READ_FLAGS }).catch((error: NodeJS.ErrnoException) => {
    throw openError(error, file);
  });
}

/**
 * Checks an input file without reading it (attachments, copied later): returns
 * the real path to copy from and its size; throws InputFileError. One lstat
 * for a plain file: a run has tens of thousands of attachments.
 */
export async function checkInputFile(file: string, folder: string, maxBytes: number): Promise<{ path: string; size: number }> {
  const { target, stats } = await checked(file, folder, maxBytes);
  return { path: target, size: stats.size };
}

/** A reason for a diagnostic: the InputFileError's own words, or the error's code for anything else. */
export function inputFileReason(error: unknown): string {
  if (error instanceof InputFileError) return error.message;
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? e?.message ?? String(error);
}

/** A read slower than this came from the disk, not from the page cache (~20 µs for a result file). */
const SLOW_READ_MS = 0.25;

/**
 * A reader of many small input files of one folder (see textFileReader in
 * file-io.ts): synchronously while they come from the page cache, through
 * the thread pool once a few reads have been slow.
 */
export function inputTextReader(folder: string, maxBytes: number): (file: string) => Promise<string> {
  return syncWhileFast((file: string) => readInputTextSync(file, folder, maxBytes), (file) => readInputText(file, folder, maxBytes), SLOW_READ_MS);
}

export interface FolderEntry {
  /** Path relative to the folder, with `/`. */
  name: string;
  /** A link (to be resolved inside the folder when read) rather than a file. */
  link: boolean;
}

/**
 * Every entry below a folder (a real path) that is not a folder: regular
 * files, links and special files alike, so that a link or a FIFO among the
 * inputs is refused with a reason when read instead of being passed over.
 * Links to folders are not followed.
 */
export async function listFolderEntries(folder: string, ignore: string[] = []): Promise<FolderEntry[]> {
  const { default: fg } = await import('fast-glob');
  const entries = await fg('**/*', { cwd: folder, onlyFiles: false, followSymbolicLinks: false, objectMode: true, dot: false, ignore: ['**/node_modules/**', ...ignore], suppressErrors: false });
  return entries
    .filter((e) => !e.dirent.isDirectory())
    .map((e) => ({ name: e.path, link: e.dirent.isSymbolicLink() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
