// Reads the written test cases: every file under the --cases folders goes to
// the reader that matches it (Markdown, YAML, Gherkin). Ids must be unique
// across all folders; a later duplicate is rejected, naming the first.
import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, listFolderEntries, readInputBytes } from '../input-file.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import type { WrittenCase } from '../../model/cases.ts';
import { normalizeId } from '../../model/cases.ts';
import { CASE_READERS } from './case-file.ts';
import { readCaseFiles } from './parse-in-processes.ts';
import type { CaseFileJob, CaseFileOutcome } from './case-file.ts';
import { openCaseCache, type CaseCache } from './parse-cache.ts';
import { mapConcurrent } from '../../lib/map-concurrent.ts';

export { CASE_READERS, type CaseReader } from './case-file.ts';

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The folder holding `.git` above `dir`, if any: edit links are relative to it. */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  let current = dir;
  for (;;) {
    if (await exists(path.join(current, '.git'))) return current;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function displayLabel(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return !relative ? '.' : relative.startsWith('..') ? folder : relative;
}

export interface ReadCasesOutcome {
  cases: WrittenCase[];
  /** Case files found (read or rejected). */
  files: number;
}

/** Files whose bytes the cache knows come from it; the rest are parsed (in other processes when many). */
async function readCaseFilesCached(jobs: CaseFileJob[], cache: CaseCache | undefined): Promise<CaseFileOutcome[]> {
  if (!cache) return readCaseFiles(jobs);
  // A file that cannot be read goes to the readers, which report it.
  const bytes = await mapConcurrent(jobs, 32, (job) => readInputBytes(job.path, job.folder, job.maxBytes).catch(() => undefined));
  const outcomes: (CaseFileOutcome | undefined)[] = jobs.map((job, i) => (bytes[i] ? cache.get(job, bytes[i]) : undefined));
  const missing = jobs.map((job, i) => ({ job, i })).filter(({ i }) => !outcomes[i]);
  // The misses are parsed from the bytes already read, not read a second time.
  const parsed = await readCaseFiles(missing.map(({ job, i }) => (bytes[i] ? { ...job, text: bytes[i].toString('utf8') } : job)));
  missing.forEach(({ job, i }, n) => {
    outcomes[i] = parsed[n];
    if (bytes[i]) cache.set(job, bytes[i], parsed[n]!);
  });
  return outcomes as CaseFileOutcome[];
}

export async function readCases(folders: readonly string[], diagnostics: DiagnosticSink, cacheFile?: string, maxBytes = DEFAULT_LIMITS.textFileBytes): Promise<ReadCasesOutcome> {
  const cache = await openCaseCache(cacheFile);
  const all: WrittenCase[] = [];
  let files = 0;
  for (const folder of folders) {
    const label = displayLabel(folder);
    let real: string;
    try {
      real = await realpath(folder);
    } catch (error) {
      diagnostics.report({ severity: 'error', code: 'case/unreadable-folder', message: `cannot read cases folder: ${(error as Error).message}`, file: label, rejected: true });
      continue;
    }
    const root = (await repositoryRoot(real)) ?? process.cwd();
    const names = (await listFolderEntries(real)).map((e) => e.name).filter((name) => CASE_READERS.some((r) => r.matches(name)));
    files += names.length;
    // Files are read concurrently (in other processes when there are many); their
    // diagnostics are reported in file order, so output stays the same run to run.
    const jobs = names.map((name) => {
      const file = path.join(real, name);
      return { name, path: file, folder: real, maxBytes, shownAs: `${label.replace(/\/+$/, '')}/${name}`, repoPath: path.relative(root, file).split(path.sep).join('/') };
    });
    const read = await readCaseFilesCached(jobs, cache);
    for (const r of read) {
      for (const d of r.found) diagnostics.report(d);
      all.push(...r.cases);
    }
  }
  await cache?.save();
  const seen = new Map<string, WrittenCase>();
  const cases: WrittenCase[] = [];
  for (const c of all) {
    const key = normalizeId(c.id);
    const first = seen.get(key);
    if (first) {
      diagnostics.report({
        severity: 'error',
        code: 'case/duplicate-id',
        message: `duplicate id "${c.id}": already used by ${first.file}:${first.line}`,
        file: c.file,
        line: c.line,
        rejected: true,
      });
      continue;
    }
    seen.set(key, c);
    cases.push(c);
  }
  return { cases, files };
}
