// Figures derived from a totals object: bar segments and pass rate.
import type { z } from 'zod';
import type { totalsSchema } from '../collections.ts';
import { passShare } from '../../model/totals.ts';
import { formatDuration, formatPercent, pluralize } from './format.ts';
import { BAR_ORDER, statusLabel, type Status } from './status.ts';

export type Totals = z.infer<typeof totalsSchema>;

export interface BarSegment {
  status: Status;
  count: number;
  /** Share of the total, 0..100. */
  percent: number;
}

/** Non-empty segments of a stacked status bar, in bar order. */
export function statusSegments(totals: Totals): BarSegment[] {
  const sum = BAR_ORDER.reduce((acc, status) => acc + totals[status], 0);
  if (sum === 0) return [];
  return BAR_ORDER.filter((status) => totals[status] > 0).map((status) => ({
    status,
    count: totals[status],
    percent: (totals[status] / sum) * 100,
  }));
}

/** "3 passed, 1 failed": the text alternative of a status bar. */
export function describeTotals(totals: Totals): string {
  const parts = statusSegments(totals).map((s) => `${s.count} ${statusLabel(s.status).toLowerCase()}`);
  return parts.length > 0 ? parts.join(', ') : 'no tests';
}

/** Tests that need attention: failed + broken. */
export function failingCount(totals: Totals): number {
  return totals.failed + totals.broken;
}

export interface FigurePart {
  text: string;
  tone?: 'failed' | 'flaky';
}

/** "3 tests · 66.7% passed · 1 failing · 1 flaky [· 16 s]" as parts a component can tint. */
export function totalsFigures(totals: Totals, options: { duration?: boolean } = {}): FigurePart[] {
  const parts: FigurePart[] = [{ text: pluralize(totals.total, 'test') }];
  if (totals.passed + totals.failed + totals.broken > 0) parts.push({ text: `${formatPercent(passShare(totals))} passed` });
  const failing = failingCount(totals);
  if (failing > 0) parts.push({ text: `${failing} failing`, tone: 'failed' });
  if (totals.flaky > 0) parts.push({ text: `${totals.flaky} flaky`, tone: 'flaky' });
  if (options.duration === true && totals.durationMs > 0) parts.push({ text: formatDuration(totals.durationMs) });
  return parts;
}
