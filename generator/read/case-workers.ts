// Parsing a case file (remark, YAML, Gherkin) costs ~1 ms of CPU; thousands of
// them are shared out between worker threads, one per core, while the main
// thread reads the Allure results. A few files are read in-process: starting a
// worker costs more than it saves.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CaseFileJob, CaseFileOutcome } from './case-file.ts';
import { readCaseFile } from './case-file.ts';
import { mapConcurrent } from './map-concurrent.ts';

/** Below this many files a worker does not pay for its start (~0.2 s to load the parsers). */
const FILES_PER_WORKER = 500;

function inWorker(jobs: readonly CaseFileJob[]): Promise<CaseFileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./case-worker.ts', import.meta.url), { workerData: jobs });
    worker.once('message', (outcomes: CaseFileOutcome[]) => resolve(outcomes));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`case reader thread exited with code ${code}`)));
  });
}

/** The outcomes in the order of `jobs`, whichever thread read them. */
export async function readCaseFiles(jobs: readonly CaseFileJob[]): Promise<CaseFileOutcome[]> {
  const threads = Math.min(availableParallelism(), Math.floor(jobs.length / FILES_PER_WORKER));
  if (threads < 1) return mapConcurrent(jobs, 16, readCaseFile);
  const size = Math.ceil(jobs.length / threads);
  const parts = Array.from({ length: threads }, (_, i) => jobs.slice(i * size, (i + 1) * size));
  return (await Promise.all(parts.map(inWorker))).flat();
}
