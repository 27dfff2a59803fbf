// The epic > feature > story tree, rebuilt from the flat feature entries:
// whole for /features/, and pruned to the current branch for the side nav.
import type { FeatureEntry } from '../collections.ts';
import type { Totals } from './totals.ts';
import type { Coverage } from './coverage.ts';

/** A feature as listed by a parent (`children`) or by the overview (`features`). */
export interface FeatureSummary {
  slug: string;
  title: string;
  level: string;
  totals: Totals;
  /** Case coverage, when the generator wrote it. */
  coverage?: Coverage;
}

export interface FeatureTreeNode extends FeatureSummary {
  /** On the path from the root to the current page (or the current page itself). */
  active: boolean;
  current: boolean;
  /** How many children the node has, even when they are pruned from `children`. */
  childCount: number;
  children: FeatureTreeNode[];
}

const LEVEL_NAMES: Record<string, [string, string]> = {
  epic: ['epic', 'epics'],
  feature: ['feature', 'features'],
  story: ['story', 'stories'],
};

/** "2 epics, 2 features, 1 story" (the root node is not counted). */
export function describeLevels(features: readonly Pick<FeatureEntry, 'level'>[]): string {
  const parts = Object.entries(LEVEL_NAMES).flatMap(([level, [one, many]]) => {
    const count = features.filter((f) => f.level === level).length;
    return count > 0 ? [`${count} ${count === 1 ? one : many}`] : [];
  });
  return parts.length > 0 ? parts.join(', ') : 'No features';
}

export type ChildrenOf = (slug: string) => readonly FeatureSummary[];

/** Children lookup over the feature entries; unknown slugs have none. */
export function childrenLookup(features: readonly Pick<FeatureEntry, 'slug' | 'children'>[]): ChildrenOf {
  const bySlug = new Map(features.map((f) => [f.slug, f.children]));
  return (slug) => bySlug.get(slug) ?? [];
}

/** Top-level nodes: the root entry's children if the generator wrote a root, else the given list. */
export function topLevelFeatures(
  features: readonly Pick<FeatureEntry, 'slug' | 'level' | 'children'>[],
  fallback: readonly FeatureSummary[],
): readonly FeatureSummary[] {
  const root = features.find((f) => f.level === 'root');
  return root ? root.children : fallback;
}

export interface TreeOptions {
  /** Slugs from the root down to the current page; their children are shown. */
  activeSlugs?: ReadonlySet<string>;
  currentSlug?: string;
  /** Show every level (the features index) rather than only the active branch. */
  expandAll?: boolean;
}

export function buildFeatureTree(roots: readonly FeatureSummary[], childrenOf: ChildrenOf, options: TreeOptions = {}): FeatureTreeNode[] {
  const active = options.activeSlugs ?? new Set<string>();
  const visit = (summary: FeatureSummary, seen: ReadonlySet<string>): FeatureTreeNode => {
    const kids = childrenOf(summary.slug).filter((c) => !seen.has(c.slug));
    const isActive = active.has(summary.slug);
    const expand = options.expandAll === true || isActive;
    const nextSeen = new Set(seen).add(summary.slug);
    return {
      ...summary,
      active: isActive,
      current: summary.slug === options.currentSlug,
      childCount: kids.length,
      children: expand ? kids.map((c) => visit(c, nextSeen)) : [],
    };
  };
  return roots.map((r) => visit(r, new Set()));
}
