// The last process of `casebook build` (see pages-process.ts): it indexes the
// site the pages process built and reports what the build did.
import { reportBug } from '../command-report.ts';
import { finishFrom } from './pages-process.ts';

finishFrom(process.argv[2]!).then(
  (code) => (process.exitCode = code),
  (error: unknown) => (process.exitCode = reportBug(error)),
);
