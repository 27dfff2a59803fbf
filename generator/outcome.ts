// What the command line reports of a build or generate run: the figures of the
// summary line, the diagnostics and the gate's verdict — small enough to send
// through the hand-off between the build's processes (see cli/build-process.ts), unlike the model.
import type { GateOptions } from './gate-options.ts';
import { gateReport } from './check.ts';
import type { CheckReport } from './contract/check-report.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import type { GenerateResult } from './generate.ts';
import type { Timings } from './lib/logger.ts';
import type { RunTotals } from './model/types.ts';
import type { SiteHandle } from './write/output-folder.ts';

export interface CommandOutcome {
  totals: RunTotals;
  diagnostics: Diagnostic[];
  rejected: number;
  /** Feature nodes, the root not counted. */
  features: number;
  contentDir: string;
  /** Set by a build: where the site is. */
  outDir?: string;
  /** Set by a build: the search pages Pagefind reads in place of the generated pages. */
  searchPagesDir?: string;
  /** Set by a build: where its site is staged and the locks it holds until it is in place. */
  site?: SiteHandle;
  timings: Timings;
  /** With --gate: the thresholds checked against this run. */
  gate?: CheckReport;
}

export function outcomeOf(result: GenerateResult & { outDir?: string; searchPagesDir?: string; site?: SiteHandle }, gate?: GateOptions): CommandOutcome {
  return {
    totals: result.totals,
    diagnostics: result.diagnostics,
    rejected: result.summary.rejected.length,
    features: result.tree.nodes.length - 1,
    contentDir: result.contentDir,
    ...(result.outDir ? { outDir: result.outDir } : {}),
    ...(result.searchPagesDir ? { searchPagesDir: result.searchPagesDir } : {}),
    ...(result.site ? { site: result.site } : {}),
    timings: result.timings,
    ...(gate ? { gate: gateReport(result.run, result.totals, result.failures, result.diagnostics, gate, result.history.diff) } : {}),
  };
}
