// A worker thread of case-workers.ts: reads the case files it is given and
// posts their outcomes back (plain data: structured clone copies it).
import { parentPort, workerData } from 'node:worker_threads';
import type { CaseFileJob } from './case-file.ts';
import { readCaseFile } from './case-file.ts';
import { mapConcurrent } from './map-concurrent.ts';

const outcomes = await mapConcurrent(workerData as CaseFileJob[], 16, readCaseFile);
parentPort!.postMessage(outcomes);
