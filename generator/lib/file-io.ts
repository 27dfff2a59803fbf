// File reads and writes for the hot loops (one call per result file, case
// file or page): fs's callback API as promises, which takes less of the main
// thread per file than fs/promises, and synchronous calls while the page cache
// answers. Figures: docs/decisions/file-io.md.
import fs, { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';

export const readFile = promisify(fs.readFile);
export const writeFile = promisify(fs.writeFile);

/** A read slower than this came from the disk, not from the page cache (~20 µs for a result file). */
const SLOW_READ_MS = 0.25;
/** A write slower than this went to a disk that blocks, not into the page cache (~30 µs for a page). */
const SLOW_WRITE_MS = 1;
/** After this many slow calls the files go through the thread pool instead. */
const SLOW_CALLS_BEFORE_POOL = 16;

/** `sync` while it takes at most `slowMs` a call; `pooled` (the thread pool) once it has been slower a few times. */
export function syncWhileFast<A extends unknown[], R>(sync: (...args: A) => R, pooled: (...args: A) => Promise<R>, slowMs: number): (...args: A) => Promise<R> {
  let slowCalls = 0;
  return async (...args) => {
    if (slowCalls >= SLOW_CALLS_BEFORE_POOL) return pooled(...args);
    const start = performance.now();
    const value = sync(...args);
    if (performance.now() - start > slowMs) slowCalls++;
    return value;
  };
}

/**
 * A reader of many small text files. A file in the page cache (results a test
 * run just wrote) is read fastest synchronously: one call, where readFile makes
 * four thread-pool requests. A file that comes from the disk would block the
 * thread, so after a few slow reads it switches to readFile, many at a time.
 */
export function textFileReader(): (file: string) => Promise<string> {
  return syncWhileFast((file: string) => readFileSync(file, 'utf8'), (file) => readFile(file, 'utf8'), SLOW_READ_MS);
}

/**
 * A writer of many small text files (pages), the counterpart of
 * textFileReader(): synchronously while a write takes the time of a copy into
 * the page cache, through the thread pool once a few have blocked.
 */
export function textFileWriter(): (file: string, text: string) => Promise<void> {
  return syncWhileFast((file: string, text: string) => writeFileSync(file, text), (file, text) => writeFile(file, text), SLOW_WRITE_MS);
}
