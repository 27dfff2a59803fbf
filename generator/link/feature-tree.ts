// The feature tree: epic > feature > story from labels; without them the
// suites (parentSuite > suite > subSuite), then package > testClass.
import { slugClaims, slugify } from '../model/identity.ts';
import { addToTotals, emptyTotals } from '../model/totals.ts';
import { emptyCoverage } from '../model/cases.ts';
import type { FeatureLevel, FeatureNode, Label, Result } from '../model/types.ts';

export const UNGROUPED = 'Ungrouped';

function first(labels: readonly Label[], name: string): string {
  return labels.find((l) => l.name === name && l.value.trim())?.value.trim() ?? '';
}

/** Where a result sits in the tree, and which labels put it there. */
export function featurePathOf(result: Pick<Result, 'labels'>): { path: string[]; source: FeatureNode['source'] } {
  const { labels } = result;
  const behaviors = ['epic', 'feature', 'story'].map((n) => first(labels, n)).filter(Boolean);
  if (behaviors.length > 0) return { path: behaviors, source: 'labels' };
  const suites = ['parentSuite', 'suite', 'subSuite'].map((n) => first(labels, n)).filter(Boolean);
  if (suites.length > 0) return { path: suites, source: 'suites' };
  const code = ['package', 'testClass'].map((n) => first(labels, n)).filter(Boolean);
  if (code.length > 0) return { path: code, source: 'package' };
  return { path: [UNGROUPED], source: 'none' };
}

const LEVELS: FeatureLevel[] = ['epic', 'feature', 'story'];

function newNode(path: string[], slug: string, source: FeatureNode['source']): FeatureNode {
  return {
    path,
    slug,
    title: path.length ? (path[path.length - 1] as string) : 'All features',
    level: path.length === 0 ? 'root' : (LEVELS[Math.min(path.length, 3) - 1] as FeatureLevel),
    source,
    children: [],
    results: [],
    totals: emptyTotals(),
    cases: [],
    coverage: emptyCoverage(),
  };
}

export interface FeatureTree {
  root: FeatureNode;
  /** Every node, parents before children, in tree order. */
  nodes: FeatureNode[];
  /** The node each result sits in, by result key. */
  nodeOf: Map<string, FeatureNode>;
}

/** `extraPaths`: places written test cases sit in, made after the results' nodes so their slugs stay put. */
export function buildFeatureTree(results: readonly Result[], extraPaths: readonly { path: string[]; source: FeatureNode['source'] }[] = []): FeatureTree {
  const root = newNode([], '', 'root');
  const byPath = new Map<string, FeatureNode>([['', root]]);
  // '' is the root; 'index' the features index page.
  const claim = slugClaims(['', 'index']);
  const nodeOf = new Map<string, FeatureNode>();
  /** The chain of nodes from the root to `path`, created as needed. */
  const chain = (path: string[], source: FeatureNode['source']): FeatureNode[] => {
    const nodes = [root];
    for (let depth = 1; depth <= path.length; depth++) {
      const parent = nodes[nodes.length - 1] as FeatureNode;
      const sub = path.slice(0, depth);
      const id = sub.join('\u0000');
      let child = byPath.get(id);
      if (!child) {
        const slug = claim([parent.slug, slugify(sub[depth - 1] as string)].filter(Boolean).join('/'), id);
        child = newNode(sub, slug, source);
        byPath.set(id, child);
        parent.children.push(child);
      }
      nodes.push(child);
    }
    return nodes;
  };
  for (const result of results) {
    const { path, source } = featurePathOf(result);
    const nodes = chain(path, source);
    for (const node of nodes) addToTotals(node.totals, result);
    const node = nodes[nodes.length - 1] as FeatureNode;
    node.results.push(result.key);
    nodeOf.set(result.key, node);
  }
  for (const { path, source } of extraPaths) chain(path, source);
  const nodes: FeatureNode[] = [];
  const visit = (node: FeatureNode) => {
    node.children.sort((a, b) => a.title.localeCompare(b.title));
    nodes.push(node);
    node.children.forEach(visit);
  };
  visit(root);
  return { root, nodes, nodeOf };
}
