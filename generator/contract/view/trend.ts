// The run trend on the overview (src/components/TrendChart.astro): one stacked
// bar of statuses per run and the pass rate as a line, worked out here as plain
// geometry so the chart is drawn at build time as SVG (no chart library, and no
// script, in the browser).
import type { TrendPoint } from '../collections.ts';
import type { Status } from '../status.ts';
import { BAR_ORDER, statusLabel } from './status.ts';
import { formatDateTime, formatDuration } from './format.ts';

export type { TrendPoint };

export interface TrendBar {
  x: number;
  width: number;
  segments: { status: Status; y: number; height: number }[];
  /** Everything about the run in words: the bar's tooltip. */
  title: string;
  /** The run in a few words, shown above the bars while the bar has focus. */
  label: string;
}

export interface TrendChart {
  width: number;
  height: number;
  bars: TrendBar[];
  /** The pass rate line, as SVG polyline points. */
  passRateLine: string;
  /** The most tests in a run: the bars' scale. */
  maxTotal: number;
  /** Where the focused bar's label goes, above the bars. */
  labelY: number;
}

/** Room above the bars for the focused bar's label. */
const TOP = 26;

export const TREND_WIDTH = 640;
export const TREND_HEIGHT = 160;

export function describeTrendPoint(p: TrendPoint): string {
  const counts = BAR_ORDER.filter((s) => p.totals[s] > 0).map((s) => `${p.totals[s]} ${statusLabel(s).toLowerCase()}`);
  return `${formatDateTime(p.start)}: ${p.totals.total} tests (${counts.join(', ')}), pass rate ${p.passRate}%, ${formatDuration(p.durationMs)}${p.newFailures ? `, ${p.newFailures} new failure${p.newFailures === 1 ? '' : 's'}` : ''}`;
}

export function trendChart(points: readonly TrendPoint[], width = TREND_WIDTH, height = TREND_HEIGHT): TrendChart {
  const maxTotal = Math.max(1, ...points.map((p) => p.totals.total));
  const plot = height - TOP;
  const slot = width / Math.max(1, points.length);
  const barWidth = Math.max(2, Math.min(28, slot * 0.7));
  const bars = points.map((p, i) => {
    const x = i * slot + (slot - barWidth) / 2;
    let y = height;
    const segments = BAR_ORDER.filter((s) => p.totals[s] > 0).map((status) => {
      const h = (p.totals[status] / maxTotal) * plot;
      y -= h;
      return { status, y: round(y), height: round(h) };
    });
    const label = `${formatDateTime(p.start)} · ${p.totals.total} tests · pass rate ${p.passRate}%${p.newFailures ? ` · ${p.newFailures} new failing` : ''}`;
    return { x: round(x), width: round(barWidth), segments, title: describeTrendPoint(p), label };
  });
  const passRateLine = points.map((p, i) => `${round(i * slot + slot / 2)},${round(height - (p.passRate / 100) * plot)}`).join(' ');
  return { width, height, bars, passRateLine, maxTotal, labelY: 17 };
}

const round = (n: number) => Math.round(n * 10) / 10;
