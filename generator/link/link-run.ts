// The link stage: results ↔ written cases, the feature tree with the cases
// placed in it, the run's totals, and failures ↔ known defects and categories.
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import { totalsOf } from '../model/totals.ts';
import type { FeatureNode, RunTotals } from '../model/types.ts';
import type { Inputs } from '../read/inputs.ts';
import { type LinkedCases, linkCases } from './cases.ts';
import { placeCases } from './coverage.ts';
import { type FailureLink, linkFailures } from './failures.ts';
import { buildFeatureTree, type FeatureTree } from './feature-tree.ts';

export interface LinkedRun extends Inputs {
  cases: LinkedCases;
  tree: FeatureTree;
  totals: RunTotals;
  failures: FailureLink;
  /** The tree's node at a feature path. */
  nodeByPath(path: string[]): FeatureNode | undefined;
}

export function linkRun(inputs: Inputs, diagnostics: DiagnosticSink): LinkedRun {
  const { run } = inputs;
  const cases = linkCases(inputs.caseInputs.cases, run.results);
  for (const d of cases.diagnostics) diagnostics.report(d);
  const tree = buildFeatureTree(run.results, cases.cases.filter((c) => c.written).map((c) => ({ path: c.path, source: c.source })));
  placeCases(tree, cases.cases);
  const byPath = new Map(tree.nodes.map((n) => [n.path.join('\u0000'), n]));
  const failures = linkFailures(run, inputs.defects, diagnostics);
  return { ...inputs, cases, tree, totals: totalsOf(run.results), failures, nodeByPath: (p) => byPath.get(p.join('\u0000')) };
}
