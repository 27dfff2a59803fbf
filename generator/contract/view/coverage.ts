// Case states and coverage for display: labels, bar segments, map tones.
// Colours live in CSS (`--cov-<bucket>`, `.state-<state>`, `.tone-<tone>`).
import type { z } from 'zod';
import type { CaseStateValue, CoverageCounts, coverageToneSchema } from '../coverage.ts';
import { pluralize } from './format.ts';

export type CaseState = CaseStateValue;
export type Coverage = CoverageCounts;
export type CoverageTone = z.infer<typeof coverageToneSchema>;

export const COVERAGE_BUCKETS = ['passing', 'failing', 'skipped', 'notRun', 'manual'] as const;
export type CoverageBucket = (typeof COVERAGE_BUCKETS)[number];

const BUCKET_LABELS: Record<CoverageBucket, string> = {
  passing: 'automated, passing',
  failing: 'automated, failing',
  skipped: 'automated, skipped',
  notRun: 'not run',
  manual: 'manual',
};

export function bucketLabel(bucket: CoverageBucket): string {
  return BUCKET_LABELS[bucket];
}

export interface CoverageSegment {
  bucket: CoverageBucket;
  count: number;
  percent: number;
}

export function coverageSegments(c: Coverage): CoverageSegment[] {
  const sum = COVERAGE_BUCKETS.reduce((n, b) => n + c[b], 0);
  if (sum === 0) return [];
  return COVERAGE_BUCKETS.filter((b) => c[b] > 0).map((b) => ({ bucket: b, count: c[b], percent: (c[b] / sum) * 100 }));
}

/** "3 automated, passing, 1 manual": the text alternative of a coverage bar. */
export function describeCoverage(c: Coverage): string {
  const parts = coverageSegments(c).map((s) => `${s.count} ${BUCKET_LABELS[s.bucket]}`);
  return parts.length ? `${pluralize(c.total, 'case')}: ${parts.join(', ')}` : 'no cases';
}

/** "12 cases · 8 automated · 1 failing · 2 manual · 1 not run". */
export function coverageFigures(c: Coverage): string[] {
  const automated = c.passing + c.failing + c.skipped;
  const parts = [pluralize(c.total, 'case'), `${automated} automated`];
  if (c.failing) parts.push(`${c.failing} failing`);
  if (c.manual) parts.push(`${c.manual} manual`);
  if (c.notRun) parts.push(`${c.notRun} not run`);
  return parts;
}

const STATE_LABELS: Record<CaseState, string> = {
  passed: 'Passed',
  failed: 'Failed',
  broken: 'Broken',
  skipped: 'Skipped',
  unknown: 'Unknown',
  manual: 'Manual',
  'not run': 'Not run',
  'automated only': 'Automated only',
};

const STATE_ICONS: Record<CaseState, string> = {
  passed: '✓',
  failed: '✕',
  broken: '!',
  skipped: '–',
  unknown: '?',
  manual: '✋',
  'not run': '⏸',
  'automated only': '⚙',
};

export const STATE_ORDER: readonly CaseState[] = ['failed', 'broken', 'not run', 'unknown', 'skipped', 'manual', 'automated only', 'passed'];

export function stateLabel(state: CaseState): string {
  return STATE_LABELS[state];
}

export function stateIcon(state: CaseState): string {
  return STATE_ICONS[state];
}

export function stateClass(state: CaseState): string {
  return `state-${state.replace(/\s+/g, '-')}`;
}

const TONE_LABELS: Record<CoverageTone, string> = {
  failing: 'Failing tests',
  notRun: 'Automation not run',
  skipped: 'Skipped, none passing',
  manual: 'Manual only',
  partial: 'Partly automated, passing',
  passing: 'All automated and passing',
  empty: 'No cases',
};

export function toneLabel(tone: CoverageTone): string {
  return TONE_LABELS[tone];
}

export const TONE_ORDER: readonly CoverageTone[] = ['failing', 'notRun', 'skipped', 'manual', 'partial', 'passing', 'empty'];

export function sortCases<T extends { state: CaseState; id: string; title: string }>(cases: readonly T[]): T[] {
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  return [...cases].sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || collator.compare(a.title, b.title) || collator.compare(a.id, b.id));
}

/** Why a test covers a case, as a reader says it. */
export const LINK_RULE_LABELS = { 'allure-id': 'Allure ID', tms: 'TMS link', tag: 'Tag', automation: 'Automation selector' } as const;
