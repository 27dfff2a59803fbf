// A case reader process of case-workers.ts: reads the case files it is sent
// and sends their outcomes back (plain data, copied by the IPC channel), then ends.
import type { CaseFileJob } from './case-file.ts';
import { readCaseFile } from './case-file.ts';
import { mapConcurrent } from './map-concurrent.ts';

process.once('message', async (jobs: CaseFileJob[]) => {
  const outcomes = await mapConcurrent(jobs, 16, readCaseFile);
  process.send!(outcomes, () => process.exit(0));
});
