// Parsed case files, kept between builds: the cases of a suite change far
// less often than its results, and parsing them is most of the read stage.
// An entry is found by a hash of the file's bytes and where it is shown from,
// so a fresh checkout (new mtimes) still hits and any edit misses.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CaseFileJob, CaseFileOutcome } from './case-file.ts';

/** Where in the content folder the cache lives (the content writer never lists it, so never removes it). */
export const CASE_CACHE_FILE = '.casebook-cache/cases.json';

/** Bump when a reader's output changes shape or meaning: old entries are then ignored. */
const CACHE_VERSION = 1;

export interface CaseCache {
  get(job: CaseFileJob, bytes: Buffer): CaseFileOutcome | undefined;
  set(job: CaseFileJob, bytes: Buffer, outcome: CaseFileOutcome): void;
  /** Writes the entries used in this build (and only those, so the file does not grow forever). */
  save(): Promise<void>;
}

function keyOf(job: CaseFileJob, bytes: Buffer): string {
  return createHash('sha256').update(`${CACHE_VERSION}\0${job.name}\0${job.shownAs}\0${job.repoPath}\0`).update(bytes).digest('base64url');
}

export async function openCaseCache(file: string | undefined): Promise<CaseCache | undefined> {
  if (!file) return undefined;
  const stored = await readFile(file, 'utf8')
    .then((text) => JSON.parse(text) as { version?: number; entries?: Record<string, CaseFileOutcome> })
    .catch(() => undefined);
  const previous = new Map(Object.entries(stored?.version === CACHE_VERSION ? (stored.entries ?? {}) : {}));
  const used = new Map<string, CaseFileOutcome>();
  return {
    get(job, bytes) {
      const key = keyOf(job, bytes);
      const hit = previous.get(key);
      if (hit) used.set(key, hit);
      return hit;
    },
    set(job, bytes, outcome) {
      used.set(keyOf(job, bytes), outcome);
    },
    async save() {
      await mkdir(path.dirname(file), { recursive: true });
      const entries = Object.fromEntries([...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
      // Written aside, then renamed: a build cut short never leaves half a cache.
      await writeFile(`${file}.tmp`, JSON.stringify({ version: CACHE_VERSION, entries }));
      await rename(`${file}.tmp`, file);
    },
  };
}
