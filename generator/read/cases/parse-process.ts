// A case reader process of case-workers.ts: reads the case files it is sent
// and sends their outcomes back (plain data, copied by the IPC channel), then ends.
import { answerParent } from '../../lib/child-process.ts';
import type { CaseFileJob, CaseFileOutcome } from './case-file.ts';
import { readCaseFile } from './case-file.ts';
import { mapConcurrent } from '../../lib/map-concurrent.ts';

answerParent<CaseFileJob[], CaseFileOutcome[]>((jobs) => mapConcurrent(jobs, 16, readCaseFile));
