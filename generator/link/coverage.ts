// Coverage: cases placed in the feature tree and counted up to the root, the
// coverage map (every epic and feature at a glance) and requirement coverage.
import { coverageToneSchema } from '../contract/coverage.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Coverage, TestCase } from '../model/cases.ts';
import { addToCoverage, emptyCoverage } from '../model/cases.ts';
import type { FeatureNode } from '../model/types.ts';
import type { Requirement } from '../read/cases/requirements.ts';
import type { FeatureTree } from './feature-tree.ts';

/** Puts each case in its node and counts it there and in every ancestor. Deprecated cases are listed, not counted. */
export function placeCases(tree: FeatureTree, cases: readonly TestCase[]): void {
  const byPath = new Map(tree.nodes.map((n) => [n.path.join('\u0000'), n]));
  for (const c of cases) {
    const node = byPath.get(c.path.join('\u0000'));
    if (!node) continue;
    node.cases.push(c.id);
    if (c.written?.status === 'deprecated') continue;
    for (let depth = 0; depth <= c.path.length; depth++) {
      const n = byPath.get(c.path.slice(0, depth).join('\u0000'));
      if (n) addToCoverage(n.coverage, c);
    }
  }
}

export const COVERAGE_TONES = coverageToneSchema.options;
export type CoverageTone = (typeof COVERAGE_TONES)[number];

/** One colour for a node: what needs attention first (failing, then not run), else how much is automated and green. */
export function toneOf(c: Coverage): CoverageTone {
  if (c.total === 0) return 'empty';
  if (c.failing > 0) return 'failing';
  if (c.notRun > 0) return 'notRun';
  if (c.passing === c.total) return 'passing';
  if (c.passing === 0) return c.skipped === 0 ? 'manual' : 'skipped';
  return 'partial';
}

export interface CoverageCell {
  slug: string;
  title: string;
  level: string;
  coverage: Coverage;
  tone: CoverageTone;
  /** 1..3, from the number of cases relative to the largest cell (square-root scale). */
  size: number;
}

export interface CoverageGroup {
  slug: string;
  title: string;
  coverage: Coverage;
  tone: CoverageTone;
  cells: CoverageCell[];
}

/** Top-level nodes as groups, their children as cells; a top-level node with cases of its own is a cell of its group too. Nodes without cases are left out. */
export function coverageMap(root: FeatureNode): CoverageGroup[] {
  const groups = root.children.map((top) => {
    const members = [...(top.cases.length > 0 || top.children.length === 0 ? [top] : []), ...top.children];
    return { top, members };
  });
  // A top-level node's own cell counts only the cases directly in it.
  const coverageOf = (node: FeatureNode, top: FeatureNode) => (node === top && node.children.length > 0 ? ownCoverage(node) : node.coverage);
  const max = Math.max(1, ...groups.flatMap((g) => g.members.map((m) => coverageOf(m, g.top).total)));
  const cell = (node: FeatureNode, top: FeatureNode): CoverageCell => {
    const coverage = coverageOf(node, top);
    return { slug: node.slug, title: node.title, level: node.level, coverage, tone: toneOf(coverage), size: Math.max(1, Math.min(3, Math.ceil(3 * Math.sqrt(coverage.total / max)))) };
  };
  // A feature whose tests all cover cases written elsewhere has no case of its own: no cell.
  return groups
    .map(({ top, members }) => ({
      slug: top.slug,
      title: top.title,
      coverage: top.coverage,
      tone: toneOf(top.coverage),
      cells: members.filter((m) => coverageOf(m, top).total > 0).map((m) => cell(m, top)),
    }))
    .filter((g) => g.cells.length > 0);
}

/** Coverage of the cases directly in a node (not below it). */
function ownCoverage(node: FeatureNode): Coverage {
  const out = { ...node.coverage };
  for (const child of node.children) {
    for (const key of Object.keys(out) as (keyof Coverage)[]) out[key] -= child.coverage[key];
  }
  return out;
}

export interface RequirementCoverage {
  id: string;
  title: string;
  url: string;
  /** Listed in the requirements file (false: only named by a case). */
  listed: boolean;
  cases: { id: string; slug: string; href: 'cases' | 'tests'; title: string; state: TestCase['state'] }[];
  coverage: Coverage;
  tone: CoverageTone;
}

export function requirementCoverage(
  requirements: readonly Requirement[],
  cases: readonly TestCase[],
  fileGiven: boolean,
): { requirements: RequirementCoverage[]; diagnostics: Diagnostic[] } {
  const byId = new Map<string, RequirementCoverage>();
  for (const r of requirements) byId.set(r.id, { ...r, listed: true, cases: [], coverage: emptyCoverage(), tone: 'empty' });
  const diagnostics: Diagnostic[] = [];
  for (const c of cases) {
    for (const id of c.written?.requirements ?? []) {
      let r = byId.get(id);
      if (!r) {
        r = { id, title: '', url: '', listed: false, cases: [], coverage: emptyCoverage(), tone: 'empty' };
        byId.set(id, r);
        if (fileGiven) {
          diagnostics.push({
            severity: 'warning',
            code: 'case/unknown-requirement',
            message: `${c.id} names requirement "${id}", which the requirements file does not list`,
            file: c.written!.file,
            line: c.written!.line,
            rejected: false,
          });
        }
      }
      r.cases.push({ id: c.id, slug: c.slug, href: c.href, title: c.title, state: c.state });
      if (c.written?.status !== 'deprecated') addToCoverage(r.coverage, c);
    }
  }
  const list = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const r of list) r.tone = toneOf(r.coverage);
  return { requirements: list, diagnostics };
}
