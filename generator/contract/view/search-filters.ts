// Pagefind facets for a page, rendered as hidden `data-pagefind-filter` elements.
import type { FeatureEntry, Status } from '../collections.ts';
import { statusLabel } from './status.ts';

export interface SearchFilter {
  name: string;
  value: string;
}

const nonEmpty = (f: SearchFilter) => f.value.trim() !== '';

/** status (its label), feature (top-level title), owner, one `tag` per tag, severity, type. */
export interface TestFacets {
  status: Status;
  feature: { path: readonly string[]; crumbs: readonly { title: string }[] };
  owner: string;
  tags: readonly string[];
  severity: string;
}

export function testFilters(test: TestFacets): SearchFilter[] {
  const topFeature = test.feature.path[0] ?? test.feature.crumbs[0]?.title ?? '';
  return [
    { name: 'type', value: 'Test' },
    { name: 'status', value: statusLabel(test.status) },
    { name: 'feature', value: topFeature },
    { name: 'owner', value: test.owner },
    ...[...new Set(test.tags)].map((tag) => ({ name: 'tag', value: tag })),
    { name: 'severity', value: test.severity },
  ].filter(nonEmpty);
}

export function featureFilters(feature: Pick<FeatureEntry, 'path' | 'title'>): SearchFilter[] {
  return [
    { name: 'type', value: 'Feature' },
    { name: 'feature', value: feature.path[0] ?? feature.title },
  ].filter(nonEmpty);
}
