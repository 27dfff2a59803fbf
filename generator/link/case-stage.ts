// Views of the linked cases that the pages carry: a feature node's cases and
// coverage, and the coverage page's data (map, requirements, unmatched automation).
import type { CaseRef, CoveragePage } from '../contract/coverage.ts';
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import type { TestCase } from '../model/cases.ts';
import { CASE_STATES } from '../model/cases.ts';
import type { FeatureNode } from '../model/types.ts';
import type { CaseInputs } from '../read/cases/case-inputs.ts';
import { safeUrl } from '../markdown/fragments.ts';
import type { LinkedCases } from './cases.ts';
import { coverageMap, requirementCoverage } from './coverage.ts';
import type { FeatureTree } from './feature-tree.ts';

export function caseRefOf(tc: TestCase): CaseRef {
  return { id: tc.id, slug: tc.slug, href: tc.href, title: tc.title, state: tc.state };
}

/** Extra front matter of a feature page: its coverage, its cases, and its children's coverage. */
export function featureCaseFields(node: FeatureNode, byId: ReadonlyMap<string, TestCase>) {
  return {
    coverage: node.coverage,
    cases: node.cases.map((id) => caseRefOf(byId.get(id)!)),
    children: node.children.map((c) => ({ slug: c.slug, title: c.title, level: c.level, totals: c.totals, coverage: c.coverage })),
  };
}

export function coveragePageOf(tree: FeatureTree, linked: LinkedCases, inputs: CaseInputs, diagnostics: DiagnosticSink): CoveragePage {
  const states = Object.fromEntries(CASE_STATES.map((s) => [s, 0])) as CoveragePage['states'];
  for (const c of linked.cases) states[c.state]++;
  const reqs = requirementCoverage([...inputs.requirements.values()], linked.cases, inputs.requirementsFile);
  for (const d of reqs.diagnostics) diagnostics.report(d);
  const unmatched = linked.unmatched.map(({ caseId, diagnostic: d }) => {
    const tc = linked.byId.get(caseId)!;
    return { id: tc.id, slug: tc.slug, title: tc.title, file: d.file ?? '', line: d.line ?? 1, message: d.message };
  });
  return {
    totals: tree.root.coverage,
    states,
    groups: coverageMap(tree.root),
    requirements: reqs.requirements.map((r) => ({ ...r, url: safeUrl(r.url) && /^https?:/i.test(r.url) ? r.url : '', cases: r.cases.map((c) => ({ ...c })) })),
    unmatched,
  };
}
