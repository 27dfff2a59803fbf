// Writes many small files with a bounded number in flight: fast without exhausting file handles.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface WriteQueue {
  /** Resolves once the write is queued; call `drain()` to wait for all of them. */
  write(path: string, content: string): Promise<void>;
  drain(): Promise<void>;
  readonly bytes: number;
  readonly files: number;
}

export function createWriteQueue(limit = 64): WriteQueue {
  const inFlight = new Set<Promise<void>>();
  const folders = new Map<string, Promise<unknown>>();
  let bytes = 0;
  let files = 0;
  let failure: unknown;
  const ensureFolder = (folder: string): Promise<unknown> => {
    let made = folders.get(folder);
    if (!made) {
      made = mkdir(folder, { recursive: true });
      folders.set(folder, made);
    }
    return made;
  };
  return {
    async write(path, content) {
      if (failure) throw failure;
      while (inFlight.size >= limit) await Promise.race(inFlight);
      await ensureFolder(dirname(path));
      bytes += Buffer.byteLength(content);
      files++;
      const task = writeFile(path, content).catch((error: unknown) => {
        failure ??= error;
      }).finally(() => inFlight.delete(task));
      inFlight.add(task);
    },
    async drain() {
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
    get bytes() {
      return bytes;
    },
    get files() {
      return files;
    },
  };
}
