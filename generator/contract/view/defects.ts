// Display of known defects and unexplained failures: labels, tones, links,
// search facets and the overview's split of the failures.
import type { TestDefect, TriageEntry } from '../defects.ts';
import type { SearchFilter } from './search-filters.ts';
import { withBase } from './urls.ts';

export type DefectKind = TestDefect['defectKind'];
export type DefectStatus = TestDefect['status'];
export type DefectDrift = TestDefect['drift'];

const KIND_LABELS: Record<DefectKind, string> = { product: 'Product', test: 'Test', infrastructure: 'Infrastructure' };
const STATUS_LABELS: Record<DefectStatus, string> = { open: 'Open', fixed: 'Fixed', wontfix: "Won't fix" };
const DRIFT: Record<Exclude<DefectDrift, 'none'>, { label: string; title: string }> = {
  regression: { label: 'Regression', title: 'Marked fixed, yet it still matches failures in this run' },
  'not-seen': { label: 'Not seen in this run', title: 'Open, yet no failure in this run matched it' },
};

export const DEFECT_KINDS: readonly DefectKind[] = ['product', 'test', 'infrastructure'];

export function kindLabel(kind: DefectKind): string {
  return KIND_LABELS[kind];
}

export function defectStatusLabel(status: DefectStatus): string {
  return STATUS_LABELS[status];
}

export function driftBadge(drift: DefectDrift): { label: string; title: string } | undefined {
  return drift === 'none' ? undefined : DRIFT[drift];
}

export function defectHref(base: string, slug: string): string {
  return withBase(base, `defects/${encodeURIComponent(slug)}/`);
}

export function defectsIndexHref(base: string): string {
  return withBase(base, 'defects/');
}

export function unexplainedHref(base: string, groupId?: string): string {
  return withBase(base, 'unexplained/') + (groupId ? `#group-${groupId}` : '');
}

/** Only http(s) tickets become links. */
export function issueHref(issue: string): string {
  return /^https?:\/\//i.test(issue) ? issue : '';
}

export function defectFilters(d: Pick<TestDefect, 'defectKind' | 'owner' | 'status'>): SearchFilter[] {
  return [
    { name: 'type', value: 'Known defect' },
    { name: 'kind', value: kindLabel(d.defectKind) },
    { name: 'owner', value: d.owner },
  ].filter((f) => f.value.trim() !== '');
}

/** On a failing test's page: explained or not, and by what kind of defect. */
export function testDefectFilters(t: { status: string; defect?: Pick<TestDefect, 'defectKind'> }): SearchFilter[] {
  if (t.status !== 'failed' && t.status !== 'broken') return [];
  return t.defect ? [{ name: 'failure', value: 'Explained' }, { name: 'kind', value: kindLabel(t.defect.defectKind) }] : [{ name: 'failure', value: 'Unexplained' }];
}

export interface BreakdownSegment {
  key: DefectKind | 'unexplained';
  label: string;
  count: number;
  percent: number;
}

/** The failures as explained-per-kind and unexplained segments (zero counts left out). */
export function breakdownSegments(b: TriageEntry['breakdown']): BreakdownSegment[] {
  const total = b.failures || 1;
  const segments: BreakdownSegment[] = [
    ...DEFECT_KINDS.map((k) => ({ key: k, label: `${kindLabel(k)} defects`, count: b.byKind[k], percent: (b.byKind[k] / total) * 100 })),
    { key: 'unexplained' as const, label: 'Unexplained', count: b.unexplained, percent: (b.unexplained / total) * 100 },
  ];
  return segments.filter((s) => s.count > 0);
}
