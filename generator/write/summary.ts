// `summary.json`: the machine-readable figures of the run, for badges and quality gates.
import type { Summary } from '../contract/collections.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { rejectedOf, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import type { Run, RunTotals } from '../model/types.ts';
import { passRate } from '../model/totals.ts';

export function buildSummary(
  title: string,
  run: Run,
  totals: RunTotals,
  features: number,
  diagnostics: readonly Diagnostic[],
  failures?: Summary['failures'],
  categories: Summary['categories'] = [],
  history: Pick<Summary, 'diff' | 'history'> = { diff: { newFailures: 0, fixed: 0, stillFailing: 0, newTests: 0, removedTests: 0 }, history: { runs: 1 } },
): Summary {
  const sorted = sortDiagnostics(diagnostics);
  return {
    version: 1,
    title,
    run: {
      total: totals.total,
      passed: totals.passed,
      failed: totals.failed,
      broken: totals.broken,
      skipped: totals.skipped,
      unknown: totals.unknown,
      flaky: totals.flaky,
      durationMs: Math.max(0, run.stop - run.start),
      start: run.start,
      stop: run.stop,
    },
    passRate: passRate(totals),
    features,
    ...(failures ? { failures } : {}),
    categories,
    rejected: rejectedOf(sorted),
    diagnostics: sorted.map(({ severity, code, message, file, line }) => ({ severity, code, message, ...(file ? { file } : {}), ...(line ? { line } : {}) })),
    ...history,
  };
}
