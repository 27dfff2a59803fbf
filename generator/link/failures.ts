// The failures stage of `link`: Allure categories for every result, known
// defects for the failures, drift of each defect against this run, and the
// unexplained failures grouped by signature. Used by generate() and check().
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import type { Defect, DefectDrift, DefectKind } from '../model/defects.ts';
import type { Run } from '../model/types.ts';
import { categorize, categoryCounts } from './categories.ts';
import type { DefectOverlap } from './defects.ts';
import { driftOf, isFailure, matchDefects } from './defects.ts';
import type { SignatureGroup } from './signatures.ts';
import { groupBySignature } from './signatures.ts';

export interface LinkedDefect {
  defect: Defect;
  /** Keys of the failures it explains in this run. */
  results: string[];
  failed: number;
  broken: number;
  drift: DefectDrift;
  /** Defects that matched some of the same failures; `first` says which one explains them. */
  overlaps: { defect: Defect; count: number; first: boolean }[];
}

export interface FailureBreakdown {
  /** Failed + broken results. */
  failures: number;
  explained: number;
  byKind: Record<DefectKind, number>;
  unexplained: number;
  /** Unexplained failures that are muted (`statusDetails.muted`): they do not count against the gate. */
  unexplainedMuted: number;
  groups: number;
  regressions: number;
  notSeen: number;
}

export interface FailureLink {
  /** In matching order. */
  defects: LinkedDefect[];
  defectOf: ReadonlyMap<string, Defect>;
  /** Result key → Allure category name (every failed or broken result has one). */
  categoryOf: ReadonlyMap<string, string>;
  categories: { name: string; count: number }[];
  groups: SignatureGroup[];
  overlaps: DefectOverlap[];
  breakdown: FailureBreakdown;
}

export function linkFailures(run: Run, defects: readonly Defect[], diagnostics: DiagnosticSink): FailureLink {
  const categoryOf = categorize(run.results, run.categories);
  const matching = matchDefects(run.results, defects);
  const byKey = new Map(run.results.map((r) => [r.key, r]));
  const name = (key: string) => byKey.get(key)?.name ?? key;

  for (const o of matching.overlaps) {
    diagnostics.report({
      severity: 'warning',
      code: 'defect/overlap',
      message:
        `also matches ${o.results.length} failure(s) that "${o.winner.id}" (${o.winner.file}) explains, e.g. "${name(o.results[0]!)}"; ` +
        `a failure gets one defect, the first in the matching order`,
      file: o.other.file,
      line: o.other.matchLine,
      hint: `narrow the match of "${o.other.id}" or of "${o.winner.id}"`,
      rejected: false,
    });
  }

  const linked = matching.order.map((defect): LinkedDefect => {
    const results = matching.explained.get(defect.id) ?? [];
    const overlaps = [
      ...matching.overlaps.filter((o) => o.other.id === defect.id).map((o) => ({ defect: o.winner, count: o.results.length, first: false })),
      ...matching.overlaps.filter((o) => o.winner.id === defect.id).map((o) => ({ defect: o.other, count: o.results.length, first: true })),
    ];
    return {
      defect,
      results,
      failed: results.filter((k) => byKey.get(k)?.status === 'failed').length,
      broken: results.filter((k) => byKey.get(k)?.status === 'broken').length,
      drift: driftOf(defect, results.length),
      overlaps,
    };
  });

  const failures = run.results.filter(isFailure);
  const unexplained = failures.filter((r) => !matching.defectOf.has(r.key));
  const groups = groupBySignature(unexplained);
  const byKind: Record<DefectKind, number> = { product: 0, test: 0, infrastructure: 0 };
  for (const d of matching.defectOf.values()) byKind[d.kind]++;
  return {
    defects: linked,
    defectOf: matching.defectOf,
    categoryOf,
    categories: categoryCounts(categoryOf, run.categories),
    groups,
    overlaps: matching.overlaps,
    breakdown: {
      failures: failures.length,
      explained: matching.defectOf.size,
      byKind,
      unexplained: unexplained.length,
      unexplainedMuted: unexplained.filter((r) => r.statusDetails.muted).length,
      groups: groups.length,
      regressions: linked.filter((d) => d.drift === 'regression').length,
      notSeen: linked.filter((d) => d.drift === 'not-seen').length,
    },
  };
}
