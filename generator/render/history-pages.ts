// The run against its history, as pages: each test's status strip (on its own
// page), the run's changes (grouped by transition, largest group first) and the
// flaky tests (by flip rate). Views for the templates changes.html.hbs,
// flaky.html.hbs and the history section of test.html.hbs.
import type { HtmlPage } from '../contract/frame.ts';
import { type History, NOT_RUN, STRIP_CODES } from '../contract/history.ts';
import type { Status } from '../contract/status.ts';
import { formatDateTime, formatDuration, pluralize } from '../contract/view/format.ts';
import type { StripCell } from '../contract/view/markup.ts';
import { statusLabel } from '../contract/view/status.ts';
import { testHref } from '../contract/view/urls.ts';
import type { RunHistory } from '../link/link-run.ts';
import { flipsOf, type RunDiff, type TestChange, TRANSITIONS } from '../model/history.ts';
import type { Result } from '../model/types.ts';

const STATUS_OF_CODE = Object.fromEntries(Object.entries(STRIP_CODES).map(([status, code]) => [code, status as Status])) as Record<string, Status>;

/** Runs of a strip shown on a page: the most recent ones (it is on every test page). */
const STRIP_RUNS = 15;
/**
 * A test is listed as flaky when it flipped at least twice (a fix or a regression
 * alone is one flip), in at least this share of the runs shown; or when it
 * passed only on a retry in this run.
 */
const FLAKY_FLIP_RATE = 0.2;

/** The words of each run of a history ("25 Nov 2026, 13:18"), worked out once per history, not once per cell. */
const runLabels = new WeakMap<History, string[]>();

function labelsOf(history: History): string[] {
  let labels = runLabels.get(history);
  if (!labels) {
    labels = history.runs.map((run) => formatDateTime(run.start));
    runLabels.set(history, labels);
  }
  return labels;
}

/** A test's last runs, oldest first; empty when the history has a single run (this one). */
export function stripOf(history: History, key: string): StripCell[] {
  const test = Object.hasOwn(history.tests, key) ? history.tests[key] : undefined;
  if (!test || history.runs.length < 2) return [];
  const labels = labelsOf(history);
  const from = Math.max(0, history.runs.length - STRIP_RUNS);
  const cells: StripCell[] = [];
  // The message is said where it changed; the runs after it that failed the same way say so.
  let current: string | undefined;
  for (let i = 0; i < from; i++) current = test.messages?.[history.runs[i]!.id] ?? current;
  let said: string | undefined;
  for (let i = from; i < history.runs.length; i++) {
    const status = STATUS_OF_CODE[test.strip[i] ?? NOT_RUN];
    const duration = test.durations[i];
    current = test.messages?.[history.runs[i]!.id] ?? current;
    let message: string | undefined;
    if ((status === 'failed' || status === 'broken') && current) {
      message = current === said ? 'the same message' : current;
      said = current;
    }
    cells.push(
      status
        ? { status, label: `${statusLabel(status)} · ${labels[i]}${duration != null ? ` · ${formatDuration(duration)}` : ''}${message ? ` · ${message}` : ''}` }
        : { status: 'none', label: `not run · ${labels[i]}` },
    );
  }
  return cells;
}

/** The history section of a test's page. */
export function testHistoryView(runHistory: RunHistory, result: Result) {
  const strip = stripOf(runHistory.shown, result.key);
  const { changes, renamed: renames } = changesByKey(runHistory.diff);
  const mine = changes.get(result.key) ?? [];
  const change = mine.find((c) => c.transition !== 'slower');
  const slower = mine.find((c) => c.transition === 'slower');
  const renamed = renames.get(result.key);
  if (!strip.length && !renamed) return undefined;
  return {
    strip,
    record: recordOf(runHistory.shown, result.key),
    runs: pluralize(strip.length, 'run'),
    change: change?.transition,
    slower: slower ? `${formatDuration(slower.durationMs ?? 0)}, usually ${formatDuration(slower.medianMs ?? 0)}` : '',
    renamedFrom: renamed?.from ?? '',
  };
}

const diffIndexes = new WeakMap<RunDiff, { changes: Map<string, TestChange[]>; renamed: Map<string, RunDiff['renamed'][number]> }>();

/** A diff's changes by test, indexed once (a test page looks up its own; thousands of pages). */
function changesByKey(diff: RunDiff) {
  let index = diffIndexes.get(diff);
  if (!index) {
    const changes = new Map<string, TestChange[]>();
    for (const c of diff.changes) changes.set(c.key, [...(changes.get(c.key) ?? []), c]);
    index = { changes, renamed: new Map(diff.renamed.map((r) => [r.key, r])) };
    diffIndexes.set(diff, index);
  }
  return index;
}

/** "Passed 48 of 50 runs (96%) · first seen … · last failed … · last flipped …": over the whole history (a flip: passing after failing, or the other way). */
function recordOf(history: History, key: string): string {
  const test = Object.hasOwn(history.tests, key) ? history.tests[key] : undefined;
  if (!test) return '';
  const labels = labelsOf(history);
  let passed = 0;
  let counted = 0;
  let first = -1;
  let lastFailure = -1;
  let lastFlip = -1;
  let outcome: boolean | undefined;
  for (let i = 0; i < test.strip.length; i++) {
    const code = test.strip[i];
    if (code === NOT_RUN) continue;
    if (first < 0) first = i;
    const passedNow = code === STRIP_CODES.passed ? true : code === STRIP_CODES.failed || code === STRIP_CODES.broken ? false : undefined;
    if (passedNow !== undefined) {
      if (outcome !== undefined && passedNow !== outcome) lastFlip = i;
      outcome = passedNow;
    }
    if (code === STRIP_CODES.passed) passed++;
    if (code === STRIP_CODES.passed || code === STRIP_CODES.failed || code === STRIP_CODES.broken) counted++;
    if (code === STRIP_CODES.failed || code === STRIP_CODES.broken) lastFailure = i;
  }
  const parts = [`passed ${passed} of ${pluralize(counted, 'run')}${counted ? ` (${Math.round((100 * passed) / counted)}%)` : ''}`];
  if (first >= 0) parts.push(`first seen ${labels[first]}`);
  parts.push(lastFailure >= 0 ? `last failed ${labels[lastFailure]}` : 'never failed');
  if (lastFlip >= 0) parts.push(`last flipped ${labels[lastFlip]}`);
  const text = parts.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const GROUP_TITLES: Record<TestChange['transition'], string> = {
  'new failure': 'New failures',
  fixed: 'Fixed',
  'still failing': 'Still failing',
  'new test': 'New tests',
  removed: 'Removed tests',
  'newly skipped': 'Newly skipped',
  slower: 'Much slower than usual',
};

export function renderChanges(runHistory: RunHistory, resultByKey: ReadonlyMap<string, Result>, base: string, template: (view: object) => string): HtmlPage {
  const { diff } = runHistory;
  const groups = TRANSITIONS.map((transition) => ({ transition, changes: diff.changes.filter((c) => c.transition === transition) }))
    .filter((g) => g.changes.length > 0)
    // Largest groups first; the transitions' own order among groups of one size.
    .sort((a, b) => b.changes.length - a.changes.length || TRANSITIONS.indexOf(a.transition) - TRANSITIONS.indexOf(b.transition))
    .map(({ transition, changes }) => ({
      id: transition.replace(/ /g, '-'),
      title: GROUP_TITLES[transition],
      count: changes.length,
      tests: changes
        .map((c) => {
          const r = resultByKey.get(c.key);
          return {
            name: c.name,
            href: r ? testHref(base, r.slug) : '',
            status: c.status ?? '',
            detail: c.transition === 'slower' ? `${formatDuration(c.durationMs ?? 0)}, usually ${formatDuration(c.medianMs ?? 0)}` : '',
            strip: stripOf(runHistory.shown, c.key),
          };
        })
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    }));
  const previous = diff.previous;
  const view = {
    title: 'Changes',
    previous: previous ? formatDateTime(previous.start) : '',
    runs: runHistory.shown.runs.length,
    groups,
    renamed: diff.renamed,
  };
  return { title: 'Changes', navOpen: [], html: template(view), indexed: false };
}

export function renderFlaky(runHistory: RunHistory, results: readonly Result[], base: string, template: (view: object) => string): HtmlPage {
  const tests = results
    .map((r) => {
      const test = Object.hasOwn(runHistory.shown.tests, r.key) ? runHistory.shown.tests[r.key]! : undefined;
      const { flips, rate } = test ? flipsOf(test.strip.slice(-STRIP_RUNS)) : { flips: 0, rate: 0 };
      return { r, rate, flips };
    })
    .filter(({ r, rate, flips }) => (flips >= 2 && rate >= FLAKY_FLIP_RATE) || r.flaky)
    .sort((a, b) => b.rate - a.rate || Number(b.r.flaky) - Number(a.r.flaky) || (a.r.name < b.r.name ? -1 : 1))
    .map(({ r, rate }) => ({
      name: r.name,
      href: testHref(base, r.slug),
      status: r.status,
      flipRate: `${Math.round(rate * 100)}%`,
      retried: r.flaky,
      strip: stripOf(runHistory.shown, r.key),
    }));
  const view = { title: 'Flaky tests', runs: Math.min(STRIP_RUNS, runHistory.shown.runs.length), threshold: `${Math.round(FLAKY_FLIP_RATE * 100)}%`, tests };
  return { title: 'Flaky tests', navOpen: [], html: template(view), indexed: false };
}
