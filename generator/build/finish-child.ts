// The last process of `casebook build` (see pages-process.ts): it indexes the
// site the pages process built and reports what the build did.
import { exitWith } from '../cli/report.ts';
import { finishFrom } from './pages-process.ts';

exitWith(finishFrom(process.argv[2]!));
