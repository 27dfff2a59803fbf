// The link stage: results ↔ written cases, the feature tree with the cases
// placed in it, the run's totals, and failures ↔ known defects and categories.
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import { totalsOf } from '../model/totals.ts';
import type { FeatureNode, RunTotals } from '../model/types.ts';
import type { Inputs } from '../read/inputs.ts';
import type { History } from '../contract/history.ts';
import { adoptForeignKeys, appendRun, diffRun, type RunDiff } from '../model/history.ts';
import type { Run } from '../model/types.ts';
import { type LinkedCases, linkCases } from './cases.ts';
import { placeCases } from './coverage.ts';
import { type FailureLink, linkFailures } from './failures.ts';
import { buildFeatureTree, type FeatureTree } from './feature-tree.ts';

export interface LinkedRun extends Inputs {
  cases: LinkedCases;
  tree: FeatureTree;
  totals: RunTotals;
  failures: FailureLink;
  /** This run against the history: what changed, and the history to publish. */
  runHistory: RunHistory;
  /** The tree's node at a feature path. */
  nodeByPath(path: string[]): FeatureNode | undefined;
}

export interface RunHistory {
  diff: RunDiff;
  /** The history the site publishes: with this run appended, or as it was (historyAppend false). */
  next: History;
  /** The history the site's pages show: always with this run, its last. */
  shown: History;
  /** Runs the diff and the trends see, this one included. */
  runs: number;
}

export interface HistoryOptions {
  limit: number;
  append: boolean;
}

export function historyOf(run: Run, totals: RunTotals, given: History, options: HistoryOptions): RunHistory {
  const previous = adoptForeignKeys(given, run.results);
  const diff = diffRun(previous, run.results);
  const shown = appendRun(previous, { id: String(run.start || run.stop), start: run.start, stop: run.stop, totals }, run.results, options.limit);
  return { diff, next: options.append ? shown : previous, shown, runs: shown.runs.length };
}

export function linkRun(inputs: Inputs, diagnostics: DiagnosticSink, history: HistoryOptions = { limit: 50, append: true }): LinkedRun {
  const { run } = inputs;
  const cases = linkCases(inputs.caseInputs.cases, run.results);
  for (const d of cases.diagnostics) diagnostics.report(d);
  const tree = buildFeatureTree(run.results, cases.cases.filter((c) => c.written).map((c) => ({ path: c.path, source: c.source })));
  placeCases(tree, cases.cases);
  const byPath = new Map(tree.nodes.map((n) => [n.path.join('\u0000'), n]));
  const failures = linkFailures(run, inputs.defects, diagnostics);
  const totals = totalsOf(run.results);
  return { ...inputs, cases, tree, totals, failures, runHistory: historyOf(run, totals, inputs.history, history), nodeByPath: (p) => byPath.get(p.join('\u0000')) };
}
