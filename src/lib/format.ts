// Formatting of numbers, durations and times. Output must not depend on the
// machine that builds the site (no locale, no local time zone).
import { trimZero } from '../../generator/render/format.ts';

export { formatBytes, formatDuration } from '../../generator/render/format.ts';

/**
 * A fraction 0..1 as a percentage with one decimal: 100%, 66.7%, 0%.
 * Anything short of all (or above none) never rounds to 100% (or 0%).
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  const pct = Math.min(Math.max(fraction, 0), 1) * 100;
  if (pct === 100 || pct === 0) return `${pct}%`;
  const rounded = Math.min(Math.max(Math.round(pct * 10) / 10, 0.1), 99.9);
  return `${trimZero(rounded.toFixed(1))}%`;
}

/** Epoch milliseconds as `2025-11-20 09:30 UTC`; '' for a missing time. */
export function formatDateTime(epochMs: number): string {
  if (!Number.isFinite(epochMs) || epochMs <= 0) return '';
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Machine-readable form for `<time datetime>`. */
export function isoDateTime(epochMs: number): string {
  return Number.isFinite(epochMs) && epochMs > 0 ? new Date(epochMs).toISOString() : '';
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

