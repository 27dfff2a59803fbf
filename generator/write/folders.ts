// A build writes thousands of files into a few folders: create each folder once,
// not once per file (mkdir -p is a system call even when the folder exists).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CasebookError } from '../diagnostics/diagnostic.ts';

/** Returns a function that makes sure a file's folder exists, creating each folder at most once. */
export function parentFolderMaker(): (file: string) => Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  return async (file) => {
    const dir = path.dirname(file);
    let done = made.get(dir);
    if (!done) {
      done = mkdir(dir, { recursive: true });
      made.set(dir, done);
    }
    await done;
  };
}

/**
 * `relative` resolved below `dir` (absolute); throws when it would land outside
 * it, or on `dir` itself. `name` says which folder in the message.
 */
export function pathInside(dir: string, relative: string, name: string): string {
  const target = path.resolve(dir, relative);
  if (target === dir || !target.startsWith(dir + path.sep)) throw new CasebookError(`refusing to write ${relative}: it is outside ${name} ${dir}`);
  return target;
}
