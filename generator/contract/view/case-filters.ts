// Pagefind facets of case pages, and the case facets of test pages.
import type { CaseStateValue } from '../coverage.ts';
import { stateLabel } from './coverage.ts';
import type { SearchFilter } from './search-filters.ts';

const nonEmpty = (f: SearchFilter) => f.value.trim() !== '';

/** type Case, state, feature (top level), owner, one `tag` per tag, layer, severity. */
export interface CaseFacets {
  state: CaseStateValue;
  feature: { path: readonly string[] };
  owner: string;
  tags: readonly string[];
  layer: string;
  severity: string;
}

export function caseFilters(c: CaseFacets): SearchFilter[] {
  return [
    { name: 'type', value: 'Case' },
    { name: 'state', value: stateLabel(c.state) },
    { name: 'feature', value: c.feature.path[0] ?? '' },
    { name: 'owner', value: c.owner },
    ...[...new Set(c.tags)].map((tag) => ({ name: 'tag', value: tag })),
    { name: 'layer', value: c.layer },
    { name: 'severity', value: c.severity },
  ].filter(nonEmpty);
}

/** A test with no written case is a case of its own: it gets the "Automated only" state; every test gets its layer. */
export function testCaseFilters(t: { automatedOnly?: boolean; layer?: string }): SearchFilter[] {
  return [
    ...(t.automatedOnly ? [{ name: 'state', value: stateLabel('automated only') }] : []),
    { name: 'layer', value: t.layer ?? '' },
  ].filter(nonEmpty);
}
