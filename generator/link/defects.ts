// Failures ↔ known defects. Every failed or broken result is tried against
// every defect in the matching order:
//
//   1. defects with a test selector (cases, fullName or labels) before defects
//      without one: a defect aimed at named tests is the more specific;
//   2. then in reading order: the --defects folders in the order given, and
//      the files of a folder by path.
//
// The first defect that matches explains the failure. Any later defect that
// also matches it is an overlap, reported so a curator narrows one of them.
import type { Defect, DefectDrift } from '../model/defects.ts';
import type { Result } from '../model/types.ts';
import type { WholeMatchPattern } from '../model/patterns.ts';
import { compileGlob, compileWholeMatch, stripAnsi } from '../model/patterns.ts';

interface CompiledDefect {
  defect: Defect;
  statuses: ReadonlySet<string>;
  message?: WholeMatchPattern;
  trace?: WholeMatchPattern;
  cases?: ReadonlySet<string>;
  fullNames?: ((text: string) => boolean)[];
  labels?: { name: string; values: ((text: string) => boolean)[] }[];
}

/** What a defect's matchers look at, computed once per failure. */
interface Subject {
  result: Result;
  message: string;
  trace: string;
  readonly caseIds: string[];
  readonly labels: ReadonlyMap<string, string[]>;
}

export interface DefectOverlap {
  /** The defect that explains the failures (earlier in the matching order). */
  winner: Defect;
  /** The defect that also matched them. */
  other: Defect;
  /** Keys of the failures both match. */
  results: string[];
}

export interface DefectMatching {
  /** Result key → the defect that explains it. */
  defectOf: Map<string, Defect>;
  /** Defect id → keys of the failures it explains, in result order. */
  explained: Map<string, string[]>;
  overlaps: DefectOverlap[];
  /** The defects in matching order. */
  order: Defect[];
}

export function hasSelector(defect: Defect): boolean {
  const m = defect.match;
  return m.cases.length > 0 || m.fullNames.length > 0 || m.labels.length > 0;
}

/** The documented matching order: selector-scoped defects first, then reading order (stable). */
export function matchingOrder(defects: readonly Defect[]): Defect[] {
  return [...defects.filter(hasSelector), ...defects.filter((d) => !hasSelector(d))];
}

export function isFailure(result: Result): boolean {
  return result.status === 'failed' || result.status === 'broken';
}

function compileDefect(defect: Defect): CompiledDefect {
  const m = defect.match;
  const regex = (source: string | undefined) => {
    if (source === undefined) return undefined;
    const c = compileWholeMatch(source);
    // The reader refuses defects whose regexes do not compile.
    if (!c.ok) throw new Error(`defect ${defect.id}: ${c.error}`);
    return c.pattern;
  };
  const message = regex(m.message);
  const trace = regex(m.trace);
  return {
    defect,
    statuses: new Set(m.statuses),
    ...(message ? { message } : {}),
    ...(trace ? { trace } : {}),
    ...(m.cases.length ? { cases: new Set(m.cases) } : {}),
    ...(m.fullNames.length ? { fullNames: m.fullNames.map(compileGlob) } : {}),
    ...(m.labels.length ? { labels: m.labels.map((l) => ({ name: l.name, values: l.values.map(compileGlob) })) } : {}),
  };
}

function subjectOf(result: Result): Subject {
  let labels: Map<string, string[]> | undefined;
  let caseIds: string[] | undefined;
  return {
    result,
    message: stripAnsi(result.statusDetails.message),
    trace: stripAnsi(result.statusDetails.trace),
    // Only defects with test selectors look at these: worked out on first use.
    get caseIds() {
      caseIds ??= [result.allureId, ...result.links.filter((l) => l.type === 'tms').flatMap((l) => [l.name, l.url])].filter(Boolean);
      return caseIds;
    },
    get labels() {
      if (!labels) {
        labels = new Map();
        for (const l of result.labels) {
          const values = labels.get(l.name);
          if (values) values.push(l.value);
          else labels.set(l.name, [l.value]);
        }
      }
      return labels;
    },
  };
}

function matches(d: CompiledDefect, s: Subject): boolean {
  if (!d.statuses.has(s.result.status)) return false;
  if (d.cases && !s.caseIds.some((id) => d.cases!.has(id))) return false;
  if (d.fullNames && !d.fullNames.some((glob) => glob(s.result.fullName))) return false;
  if (d.labels) {
    for (const l of d.labels) {
      const values = s.labels.get(l.name);
      if (!values?.some((v) => l.values.some((glob) => glob(v)))) return false;
    }
  }
  // As in categories.json, an absent message or trace never matches a regex.
  if (d.message && !(s.message && d.message.test(s.message))) return false;
  if (d.trace && !(s.trace && d.trace.test(s.trace))) return false;
  return true;
}

// Most message regexes start with literal text: a defect whose message must
// start with "Expected status 200" is only tried on messages that start so.
// Defects are filed under the longest of these prefix lengths their literal
// prefix allows; the others are tried on every failure.
const KEY_LENGTHS = [16, 8, 3] as const;

/** The defects worth trying on a message, still in matching order. */
function candidateIndex(compiled: CompiledDefect[]): (message: string) => CompiledDefect[] {
  const anywhere: number[] = [];
  const tiers = KEY_LENGTHS.map(() => new Map<string, number[]>());
  compiled.forEach((c, i) => {
    const prefix = c.message?.prefix ?? '';
    const tier = KEY_LENGTHS.findIndex((n) => prefix.length >= n);
    if (tier < 0) {
      anywhere.push(i);
      return;
    }
    const key = prefix.slice(0, KEY_LENGTHS[tier]);
    tiers[tier]!.set(key, [...(tiers[tier]!.get(key) ?? []), i]);
  });
  const cache = new Map<string, CompiledDefect[]>();
  return (message) => {
    const key = message.slice(0, KEY_LENGTHS[0]);
    let list = cache.get(key);
    if (!list) {
      const found = KEY_LENGTHS.flatMap((n, t) => tiers[t]!.get(message.slice(0, n)) ?? []);
      list = [...anywhere, ...found].sort((a, b) => a - b).map((i) => compiled[i]!);
      cache.set(key, list);
    }
    return list;
  };
}

/** Matches every failed or broken result against the defects; see the order at the top of this file. */
export function matchDefects(results: readonly Result[], defects: readonly Defect[]): DefectMatching {
  const order = matchingOrder(defects);
  const compiled = order.map(compileDefect);
  const candidatesOf = candidateIndex(compiled);
  const defectOf = new Map<string, Defect>();
  const explained = new Map<string, string[]>(order.map((d) => [d.id, []]));
  const overlaps = new Map<string, DefectOverlap>();
  for (const result of results) {
    if (!isFailure(result)) continue;
    const subject = subjectOf(result);
    let winner: Defect | undefined;
    for (const c of candidatesOf(subject.message)) {
      if (!matches(c, subject)) continue;
      if (!winner) {
        winner = c.defect;
        defectOf.set(result.key, winner);
        explained.get(winner.id)!.push(result.key);
        continue;
      }
      const pair = `${winner.id}\u0000${c.defect.id}`;
      const overlap = overlaps.get(pair) ?? { winner, other: c.defect, results: [] };
      overlap.results.push(result.key);
      overlaps.set(pair, overlap);
    }
  }
  return { defectOf, explained, overlaps: [...overlaps.values()], order };
}

/** A fixed defect that still matches failures has regressed; an open one that matched nothing was not seen. */
export function driftOf(defect: Defect, matched: number): DefectDrift {
  if (defect.status === 'fixed' && matched > 0) return 'regression';
  if (defect.status === 'open' && matched === 0) return 'not-seen';
  return 'none';
}
