// Results with the same identity in one run are attempts of one test: the
// latest (by stop, then start) is the result; the others are its retries.
import type { Attempt, Result } from './types.ts';

const FAILING = new Set(['failed', 'broken']);

function byTime(a: Result, b: Result): number {
  return a.stop - b.stop || a.start - b.start || a.file.localeCompare(b.file);
}

function toAttempt(r: Result): Attempt {
  return { uuid: r.uuid, file: r.file, status: r.status, statusDetails: r.statusDetails, start: r.start, stop: r.stop, durationMs: r.durationMs };
}

export function collapseRetries(attempts: readonly Result[]): Result[] {
  const groups = new Map<string, Result[]>();
  for (const attempt of attempts) {
    const group = groups.get(attempt.key);
    if (group) group.push(attempt);
    else groups.set(attempt.key, [attempt]);
  }
  const results: Result[] = [];
  for (const group of groups.values()) {
    group.sort(byTime);
    const latest = group[group.length - 1] as Result;
    const earlier = group.slice(0, -1);
    const failedThenPassed = latest.status === 'passed' && earlier.some((a) => FAILING.has(a.status));
    results.push({
      ...latest,
      retries: earlier.map(toAttempt),
      flaky: latest.statusDetails.flaky || failedThenPassed,
    });
  }
  return results.sort((a, b) => a.fullName.localeCompare(b.fullName) || a.name.localeCompare(b.name) || a.key.localeCompare(b.key));
}
