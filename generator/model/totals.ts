import type { Result, RunTotals } from './types.ts';

export function emptyTotals(): RunTotals {
  return { total: 0, passed: 0, failed: 0, broken: 0, skipped: 0, unknown: 0, flaky: 0, durationMs: 0 };
}

export function addToTotals(totals: RunTotals, result: Pick<Result, 'status' | 'flaky' | 'durationMs'>): void {
  totals.total++;
  totals[result.status]++;
  if (result.flaky) totals.flaky++;
  totals.durationMs += result.durationMs;
}

export function totalsOf(results: readonly Result[]): RunTotals {
  const totals = emptyTotals();
  for (const result of results) addToTotals(totals, result);
  return totals;
}

type RanCounts = Pick<RunTotals, 'passed' | 'failed' | 'broken'>;

/** Passed among the tests that ran (skipped and unknown left out), as a fraction 0..1. */
export function passShare(totals: RanCounts): number {
  const ran = totals.passed + totals.failed + totals.broken;
  return ran === 0 ? 0 : totals.passed / ran;
}

/** The same share as a percentage with one decimal, as summary.json reports it. */
export function passRate(totals: RanCounts): number {
  return Math.round(passShare(totals) * 1000) / 10;
}
