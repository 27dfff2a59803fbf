// check(): the quality gate for CI. It reads the results and the known
// defects and links them, exactly as generate() does, but writes nothing and
// builds no site; then it holds the run against the thresholds.
import type { CasebookConfig } from './config/schema.ts';
import type { CheckReport, GateCheck } from './contract/check-report.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { createDiagnosticList, sortDiagnostics } from './diagnostics/diagnostic.ts';
import type { FailureLink } from './link/failures.ts';
import { linkFailures } from './link/failures.ts';
import type { Logger } from './lib/logger.ts';
import { silentLogger } from './lib/logger.ts';
import type { GateOptions } from './gate-options.ts';
import { passRate, totalsOf } from './model/totals.ts';
import type { Run, RunTotals } from './model/types.ts';
import { readDefectFolders } from './read/defects/defect-files.ts';
import { readRun } from './read/results/results-run.ts';
import { readHistory } from './read/history/history-source.ts';
import { EMPTY_HISTORY } from './contract/history.ts';
import { adoptForeignKeys, diffRun, type RunDiff } from './model/history.ts';

export type { GateOptions } from './gate-options.ts';

export interface CheckResult {
  report: CheckReport;
  run: Run;
  totals: RunTotals;
  failures: FailureLink;
  diagnostics: Diagnostic[];
}

/** Reads and links only (no pages, no site), then evaluates the gate. */
export async function check(
  config: Pick<CasebookConfig, 'results' | 'defects'> & Partial<Pick<CasebookConfig, 'limits' | 'history' | 'historyLimit'>>,
  gate: GateOptions = {},
  logger: Logger = silentLogger,
): Promise<CheckResult> {
  const diagnostics = createDiagnosticList();
  const run = await readRun(config.results, diagnostics, logger, config.limits);
  const defects = await readDefectFolders(config.defects, diagnostics, config.limits?.textFileBytes);
  const history = adoptForeignKeys(config.history ? await readHistory(config.history, diagnostics, config.historyLimit ? { limit: config.historyLimit } : {}) : EMPTY_HISTORY, run.results);
  logger.progress(`link: ${run.results.length} results, ${defects.length} defects`);
  const failures = linkFailures(run, defects, diagnostics);
  const totals = totalsOf(run.results);
  const diff = diffRun(history, run.results);
  return { report: gateReport(run, totals, failures, diagnostics.list, gate, diff), run, totals, failures, diagnostics: diagnostics.list };
}

/** Holds a linked run against the thresholds; used by check() and by `build --gate`. */
export function gateReport(run: Run, totals: RunTotals, failures: FailureLink, diagnostics: readonly Diagnostic[], gate: GateOptions, diff?: RunDiff): CheckReport {
  const b = failures.breakdown;
  const rate = passRate(totals);
  const counted = b.unexplained - b.unexplainedMuted;
  const maxUnexplained = gate.maxUnexplained ?? 0;
  const checks: GateCheck[] = [
    {
      name: 'max-unexplained',
      ok: counted <= maxUnexplained,
      limit: maxUnexplained,
      actual: counted,
      message: `${counted} unexplained failure(s)${b.unexplainedMuted ? ` (+${b.unexplainedMuted} muted, not counted)` : ''}, ${maxUnexplained} allowed`,
    },
  ];
  if (gate.minPassRate !== undefined) {
    checks.push({ name: 'min-pass-rate', ok: rate >= gate.minPassRate, limit: gate.minPassRate, actual: rate, message: `pass rate ${rate}%, at least ${gate.minPassRate}% required` });
  }
  if (gate.failOnRegression) {
    checks.push({ name: 'fail-on-regression', ok: b.regressions === 0, limit: 0, actual: b.regressions, message: `${b.regressions} defect(s) marked fixed still match failures, none allowed` });
  }
  if (gate.maxNewFailures !== undefined) {
    const fresh = diff?.counts.newFailures ?? 0;
    const against = diff?.previous ? `against the run of ${new Date(diff.previous.start).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'no earlier run in the history to compare with';
    checks.push({ name: 'max-new-failures', ok: fresh <= gate.maxNewFailures, limit: gate.maxNewFailures, actual: fresh, message: `${fresh} new failure(s) (${against}), ${gate.maxNewFailures} allowed` });
  }
  const failedChecks = checks.filter((c) => !c.ok).map((c) => c.name);
  const byKey = new Map(run.results.map((r) => [r.key, r]));
  const place = (l: FailureLink['defects'][number]) => ({ id: l.defect.id, title: l.defect.title, file: l.defect.file, line: l.defect.idLine });
  return {
    version: 1,
    ok: failedChecks.length === 0,
    exitCode: failedChecks.length === 0 ? 0 : 1,
    failedChecks,
    checks,
    run: { total: totals.total, passed: totals.passed, failed: totals.failed, broken: totals.broken, skipped: totals.skipped, unknown: totals.unknown, flaky: totals.flaky },
    passRate: rate,
    failures: b,
    unexplained: failures.groups.map((g) => ({
      id: g.id,
      count: g.results.length,
      message: g.signature.message,
      tests: g.results.slice(0, 10).map((k) => {
        const r = byKey.get(k)!;
        return { name: r.name, fullName: r.fullName, file: r.file };
      }),
    })),
    regressions: failures.defects.filter((l) => l.drift === 'regression').map((l) => ({ ...place(l), count: l.results.length })),
    notSeen: failures.defects.filter((l) => l.drift === 'not-seen').map(place),
    overlaps: failures.overlaps.map((o) => ({ winner: o.winner.id, other: o.other.id, count: o.results.length, file: o.other.file, line: o.other.matchLine })),
    categories: failures.categories,
    diagnostics: sortDiagnostics(diagnostics)
      .filter((d) => d.severity !== 'info')
      .map(({ severity, code, message, file, line }) => ({ severity, code, message, ...(file ? { file } : {}), ...(line ? { line } : {}) })),
  };
}
