// Parsing a case file (remark, YAML, Gherkin) costs ~1 ms of CPU; thousands of
// them are shared out between child processes, one per core, while the main
// thread reads the Allure results. Processes, not worker threads: a thread's
// heap stays in the process's memory after it ends (~170 MB at 5,341 cases),
// a process's is returned. A few files are read in-process: starting a
// process costs more than it saves.
import { availableParallelism } from 'node:os';
import { askChild, howItEnded } from '../../lib/child-process.ts';
import type { CaseFileJob, CaseFileOutcome } from './case-file.ts';
import { readCaseFile } from './case-file.ts';
import { mapConcurrent } from '../../lib/map-concurrent.ts';

/** Below this many files a reader process does not pay for its start (~0.2 s to load the parsers). */
const FILES_PER_PROCESS = 500;

async function inReaderProcess(jobs: readonly CaseFileJob[]): Promise<CaseFileOutcome[]> {
  const end = await askChild<readonly CaseFileJob[], CaseFileOutcome[]>(new URL('./parse-process.ts', import.meta.url), jobs);
  if (!end.reply) throw new Error(`case reader process ended before it answered (${howItEnded(end)})`);
  return end.reply;
}

/** The outcomes in the order of `jobs`, whichever process read them. */
export async function readCaseFiles(jobs: readonly CaseFileJob[]): Promise<CaseFileOutcome[]> {
  const processes = Math.min(availableParallelism(), Math.floor(jobs.length / FILES_PER_PROCESS));
  if (processes < 1) return mapConcurrent(jobs, 16, readCaseFile);
  const size = Math.ceil(jobs.length / processes);
  const parts = Array.from({ length: processes }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  return (await Promise.all(parts.map(inReaderProcess))).flat();
}
