// The run against its history: what changed since the previous run (the run
// diff), the history with this run appended (bounded by the limit), and how
// often a test flips between passing and failing. Pure functions of the model.
import { createHash } from 'node:crypto';
import type { DiffCounts } from '../contract/collections.ts';
import { EMPTY_HISTORY, FOREIGN_KEY_PREFIX, MESSAGE_CHARS, type History, type HistoryRun, type HistoryTest, NOT_RUN, STRIP_CODES } from '../contract/history.ts';
import type { Status } from '../contract/status.ts';
import type { TrendPoint } from '../contract/collections.ts';
import { passRate } from './totals.ts';
import type { Result } from './types.ts';

export type Transition = 'new failure' | 'fixed' | 'still failing' | 'new test' | 'removed' | 'newly skipped' | 'slower';

/** Largest groups are shown first; this is the order among groups of the same size. */
export const TRANSITIONS: readonly Transition[] = ['new failure', 'fixed', 'still failing', 'new test', 'removed', 'newly skipped', 'slower'];

export interface TestChange {
  key: string;
  name: string;
  transition: Transition;
  /** The test's status in this run (absent for a removed test). */
  status?: Status;
  /** For a slower test: this run's duration and the median of its recent runs. */
  durationMs?: number;
  medianMs?: number;
}

export interface RunDiff {
  /** The run compared against; absent on the first build of a history. */
  previous?: HistoryRun;
  changes: TestChange[];
  counts: DiffCounts;
  /** Tests whose identity stayed (ALLURE_ID, testCaseId) while their full name changed. */
  renamed: { key: string; from: string; to: string }[];
}

const failing = (code: string | undefined) => code === STRIP_CODES.failed || code === STRIP_CODES.broken;
/** Runs whose durations a test's "usual" duration is taken from. */
const RECENT_RUNS = 10;

/** The previous run's code of a test, or undefined when it was not in that run. */
function lastCode(test: HistoryTest | undefined, runs: number): string | undefined {
  if (!test || runs === 0) return undefined;
  const code = alignStrip(test.strip, runs).at(-1);
  return code === NOT_RUN ? undefined : code;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Much slower than usual: over twice its recent median and over a second more, with three recent runs at least. */
function slowerThanUsual(test: HistoryTest | undefined, durationMs: number): number | undefined {
  const recent = (test?.durations ?? []).slice(-RECENT_RUNS).filter((d): d is number => d !== null);
  if (recent.length < 3) return undefined;
  const usual = median(recent);
  return durationMs > Math.max(2 * usual, usual + 1000) ? usual : undefined;
}

/**
 * An imported Allure history keys its tests by Allure's historyId: each gets
 * the identity of the current result with that historyId. One with no such
 * result keeps its place (it shows as removed) when the history names it
 * (Allure 3), and is dropped when it does not (Allure 2 keeps no names).
 */
export function adoptForeignKeys(history: History, results: readonly Result[]): History {
  const foreign = Object.keys(history.tests).filter((k) => k.startsWith(FOREIGN_KEY_PREFIX));
  if (!foreign.length) return history;
  const byHistoryId = new Map<string, string>();
  for (const r of results) for (const id of allureHistoryIds(r)) if (!byHistoryId.has(id)) byHistoryId.set(id, r.key);
  const tests: Record<string, HistoryTest> = {};
  for (const [key, test] of Object.entries(history.tests)) {
    if (!key.startsWith(FOREIGN_KEY_PREFIX)) {
      tests[key] = test;
      continue;
    }
    const own = byHistoryId.get(key.slice(FOREIGN_KEY_PREFIX.length));
    if (own && !Object.hasOwn(tests, own)) tests[own] = test;
    else if (!own && test.name) tests[key] = test;
  }
  return { ...history, tests };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

/**
 * The ids Allure Report 3 and Allure Report 2 give a result in their history
 * (they compute their own, not the adapter's historyId): the test's id, a dot,
 * and md5 of its non-excluded parameters as `name:value` sorted and joined with
 * commas. Allure 3's test id is md5("ALLURE_ID=<id>"), else md5(testCaseId),
 * else md5(fullName); Allure 2's is md5(testCaseId), else md5(fullName).
 * A masked parameter's value is no longer known here, so such a test is not found.
 */
export function allureHistoryIds(r: Pick<Result, 'allureId' | 'testCaseId' | 'fullName' | 'parameters'>): string[] {
  const params = r.parameters
    .filter((p) => !p.excluded)
    .sort((a, b) => (a.name ?? '').localeCompare(b.name) || a.value.localeCompare(b.value ?? ''))
    .map((p) => `${p.name}:${p.value}`)
    .join(',');
  const suffix = `.${md5(params)}`;
  const ids = new Set<string>();
  const base = r.testCaseId || r.fullName;
  if (r.allureId) ids.add(md5(`ALLURE_ID=${r.allureId}`) + suffix);
  if (base) ids.add(md5(base) + suffix);
  if (r.testCaseId && r.fullName) ids.add(md5(r.fullName) + suffix);
  return [...ids];
}

export function diffRun(previous: History, results: readonly Result[]): RunDiff {
  const runs = previous.runs.length;
  const counts: DiffCounts = { newFailures: 0, fixed: 0, stillFailing: 0, newTests: 0, removedTests: 0 };
  if (runs === 0) return { changes: [], counts, renamed: [] };
  const changes: TestChange[] = [];
  const renamed: RunDiff['renamed'] = [];
  const seen = new Set<string>();
  for (const r of results) {
    seen.add(r.key);
    const test = Object.hasOwn(previous.tests, r.key) ? previous.tests[r.key] : undefined;
    const before = lastCode(test, runs);
    const now = STRIP_CODES[r.status];
    const change = (transition: Transition, extra: Partial<TestChange> = {}) => changes.push({ key: r.key, name: r.name, transition, status: r.status, ...extra });
    if (test?.fullName && r.fullName && test.fullName !== r.fullName) renamed.push({ key: r.key, from: test.fullName, to: r.fullName });
    if (before === undefined) {
      change('new test');
      counts.newTests++;
    } else if (failing(now) && failing(before)) {
      change('still failing');
      counts.stillFailing++;
    } else if (failing(now)) {
      change('new failure');
      counts.newFailures++;
    } else if (now === STRIP_CODES.passed && failing(before)) {
      change('fixed');
      counts.fixed++;
    } else if (now === STRIP_CODES.skipped && before !== STRIP_CODES.skipped) change('newly skipped');
    const usual = r.status === 'passed' ? slowerThanUsual(test, r.durationMs) : undefined;
    if (usual !== undefined) change('slower', { durationMs: r.durationMs, medianMs: usual });
  }
  for (const [key, test] of Object.entries(previous.tests)) {
    if (seen.has(key) || lastCode(test, runs) === undefined) continue;
    changes.push({ key, name: test.name, transition: 'removed' });
    counts.removedTests++;
  }
  return { previous: previous.runs.at(-1)!, changes, counts, renamed };
}

/** The history with `run` appended, keeping the last `limit` runs; a test not seen in any kept run is dropped. */
export function appendRun(previous: History, run: HistoryRun, results: readonly Result[], limit: number): History {
  const before = previous.runs.length;
  const ids = new Set(previous.runs.map((r) => r.id));
  let id = run.id;
  for (let n = 2; ids.has(id); n++) id = `${run.id}-${n}`;
  const runs = [...previous.runs, { ...run, id }];
  const dropped = Math.max(0, runs.length - limit);
  const tests: Record<string, HistoryTest> = {};
  const current = new Map(results.map((r) => [r.key, r]));
  const kept = new Set(runs.slice(dropped).map((r) => r.id));
  const keep = (key: string, test: HistoryTest, r: Result | undefined) => {
    if (!/[^-]/.test(test.strip)) return;
    const messages = Object.fromEntries(Object.entries(test.messages ?? {}).filter(([run]) => kept.has(run)));
    const message = r && failing(STRIP_CODES[r.status]) ? firstLine(r.statusDetails.message) : '';
    // Kept when it changes: a test that fails the same way for 50 runs keeps one line, not 50.
    const runsWithMessages = runs.filter((run) => Object.hasOwn(messages, run.id));
    const last = runsWithMessages.length ? messages[runsWithMessages.at(-1)!.id] : undefined;
    if (message && message !== last) messages[id] = message;
    const { messages: _, ...rest } = test;
    tests[key] = Object.keys(messages).length ? { ...rest, messages } : rest;
  };
  for (const [key, test] of Object.entries(previous.tests)) {
    const r = current.get(key);
    const strip = alignStrip(test.strip, before) + (r ? STRIP_CODES[r.status] : NOT_RUN);
    const durations = [...alignDurations(test.durations, before), r ? r.durationMs : null];
    keep(key, { ...test, name: r?.name ?? test.name, fullName: r?.fullName ?? test.fullName, strip: strip.slice(dropped), durations: durations.slice(dropped) }, r);
  }
  for (const r of results) {
    if (Object.hasOwn(tests, r.key) || Object.hasOwn(previous.tests, r.key)) continue;
    const strip = NOT_RUN.repeat(before) + STRIP_CODES[r.status];
    keep(r.key, { name: r.name, fullName: r.fullName, strip: strip.slice(dropped), durations: [...Array<null>(before).fill(null), r.durationMs].slice(dropped) }, r);
  }
  return { ...EMPTY_HISTORY, runs: runs.slice(dropped), tests };
}

/** A failure message's first line, at most MESSAGE_CHARS characters. */
function firstLine(message: string | undefined): string {
  const line = (message ?? '').split('\n').find((l) => l.trim())?.trim() ?? '';
  return line.length > MESSAGE_CHARS ? `${line.slice(0, MESSAGE_CHARS - 1)}…` : line;
}

/** A strip of another length than the runs (a hand-edited or broken file) is realigned to its last `runs` codes. */
function alignStrip(strip: string, runs: number): string {
  return runs === 0 ? '' : strip.padStart(runs, NOT_RUN).slice(-runs);
}

function alignDurations(durations: readonly (number | null)[], runs: number): (number | null)[] {
  if (runs === 0) return [];
  return [...Array<null>(Math.max(0, runs - durations.length)).fill(null), ...durations].slice(-runs);
}

/** How many times a test flipped between passing and failing over its strip, and how often (0–1); runs where it was skipped or absent are left out. */
export function flipsOf(strip: string): { flips: number; rate: number } {
  const outcomes = [...strip].filter((c) => c === STRIP_CODES.passed || failing(c)).map((c) => c === STRIP_CODES.passed);
  let flips = 0;
  for (let i = 1; i < outcomes.length; i++) if (outcomes[i] !== outcomes[i - 1]) flips++;
  return { flips, rate: outcomes.length < 2 ? 0 : flips / (outcomes.length - 1) };
}

/** Runs the overview's trend shows, the latest last. */
export const TREND_RUNS = 30;

/** The overview's trend: per run its totals, pass rate, wall time and new failures (from the strips: failing now, not in the run before). */
export function trendOf(history: History): TrendPoint[] {
  const from = Math.max(0, history.runs.length - TREND_RUNS);
  const fresh = new Array<number>(history.runs.length).fill(0);
  for (const test of Object.values(history.tests)) {
    for (let i = Math.max(1, from); i < test.strip.length; i++) {
      const before = test.strip[i - 1];
      if (failing(test.strip[i]) && before !== undefined && before !== NOT_RUN && !failing(before)) fresh[i]!++;
    }
  }
  return history.runs.slice(from).map((run, i) => ({
    start: run.start,
    totals: run.totals,
    passRate: passRate(run.totals),
    durationMs: Math.max(0, run.stop - run.start),
    newFailures: fresh[from + i] ?? 0,
  }));
}
