// Results ↔ written cases. A result covers a case when, in this order:
//   1. its Allure ID (`ALLURE_ID`/`AS_ID` label, or an `@allure.id:` tag) is the case id,
//   2. a `tms` link's id (its name, or the last segment of its URL) is the case id,
//   3. one of its tags is the case id,
//   4. one of the case's `automation` selectors matches it (a Gherkin scenario
//      implies one: its file name and scenario name in the result's fullName).
// The first rule that matches a pair is the one shown. Results that cover no
// case become "automated only" cases; written cases without a result are
// "manual", or "not run" when they declare automation.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { AutomationSelector, CaseLink, CaseState, LinkRule, TestCase, WrittenCase } from '../model/cases.ts';
import { normalizeId } from '../model/cases.ts';
import { slugClaims, slugify } from '../model/identity.ts';
import type { Result, Status } from '../model/types.ts';
import { featurePathOf, UNGROUPED } from './feature-tree.ts';
import { compileGlob } from '../model/patterns.ts';


interface Candidate {
  id: string;
  rule: LinkRule;
  detail: string;
}

/** The ids a result answers to under rules 1–3, in rule order. */
export function candidateIds(result: Pick<Result, 'labels' | 'links'>): Candidate[] {
  const out: Candidate[] = [];
  for (const l of result.labels) {
    if ((l.name === 'ALLURE_ID' || l.name === 'AS_ID') && l.value.trim()) out.push({ id: l.value, rule: 'allure-id', detail: `${l.name} ${l.value.trim()}` });
  }
  for (const l of result.labels) {
    const m = l.name === 'tag' ? /^@?allure\.id[:=](.+)$/i.exec(l.value.trim()) : null;
    if (m?.[1]) out.push({ id: m[1], rule: 'allure-id', detail: `tag ${l.value.trim()}` });
  }
  for (const l of result.links) {
    if (l.type.toLowerCase() !== 'tms') continue;
    const label = l.name || l.url;
    const ids = [l.name, l.url];
    try {
      const segments = new URL(l.url).pathname.split('/').filter(Boolean);
      if (segments.length) ids.push(decodeURIComponent(segments[segments.length - 1] as string));
    } catch {
      // Not a URL: an id as written.
    }
    for (const id of ids) if (id.trim()) out.push({ id, rule: 'tms', detail: `tms link ${label.trim()}` });
  }
  for (const l of result.labels) {
    if (l.name === 'tag' && l.value.trim()) out.push({ id: l.value, rule: 'tag', detail: `tag ${l.value.trim()}` });
  }
  return out;
}

/** Outline rows: a result that has parameters of the row's names must carry its values. */
function parametersAgree(c: WrittenCase, result: Result): boolean {
  for (const [name, value] of Object.entries(c.parameters)) {
    const p = result.parameters.find((q) => q.name === name && q.mode === 'default');
    if (p && p.value !== value) return false;
  }
  return true;
}

type GlobMatcher = (text: string) => boolean;

/** Compiles each glob once per linking run: selectors are tried against every result. */
function globCache(): (glob: string) => GlobMatcher {
  const compiled = new Map<string, GlobMatcher>();
  return (glob) => {
    let matcher = compiled.get(glob);
    if (!matcher) {
      matcher = compileGlob(glob);
      compiled.set(glob, matcher);
    }
    return matcher;
  };
}

export function selectorMatches(selector: AutomationSelector, result: Result, glob: (glob: string) => GlobMatcher = compileGlob): boolean {
  if (!selector.fullName && !selector.labels) return false;
  if (selector.fullName && !glob(selector.fullName)(result.fullName)) return false;
  for (const [name, pattern] of Object.entries(selector.labels ?? {})) {
    const matches = glob(pattern);
    if (!result.labels.some((l) => l.name === name && matches(l.value))) return false;
  }
  return true;
}

/** `features/transfers.feature#Transfer limits` → `transfers.feature#Transfer limits` (cucumber's fullName). */
function featureKey(fullName: string): string | undefined {
  const at = fullName.indexOf('.feature#');
  if (at < 0) return undefined;
  const before = fullName.slice(0, at);
  const start = Math.max(before.lastIndexOf('/'), before.lastIndexOf(':'), before.lastIndexOf('\\')) + 1;
  return fullName.slice(start);
}

/**
 * A written case's automated status from the tests that cover it: any failure
 * first; else one passing test makes the case passed (it was verified), even
 * when another covering test was skipped or unknown. Not a display order
 * (that is statusRank in contract/view/status.ts): a coverage rule.
 */
const CASE_STATUS_RANK: Record<Status, number> = { failed: 0, broken: 1, passed: 2, unknown: 3, skipped: 4 };

export function caseStatusOf(statuses: readonly Status[]): Status | undefined {
  return [...statuses].sort((a, b) => CASE_STATUS_RANK[a] - CASE_STATUS_RANK[b])[0];
}

export interface LinkedCases {
  /** Written cases first (in reading order), then automated-only ones (by result key). */
  cases: TestCase[];
  /** Cases each result covers, by result key. */
  casesOf: Map<string, { caseId: string; rule: LinkRule; detail: string }[]>;
  byId: Map<string, TestCase>;
  /** Written cases whose explicit automation selectors matched no result, with the warning about each. */
  unmatched: { caseId: string; diagnostic: Diagnostic }[];
  diagnostics: Diagnostic[];
}

export function linkCases(written: readonly WrittenCase[], results: readonly Result[]): LinkedCases {
  const links = new Map<WrittenCase, Map<string, CaseLink>>(written.map((c) => [c, new Map()]));
  const add = (c: WrittenCase, result: Result, rule: LinkRule, detail: string) => {
    const mine = links.get(c)!;
    if (!mine.has(result.key) && parametersAgree(c, result)) mine.set(result.key, { resultKey: result.key, rule, detail });
  };
  linkByIds(written, results, add);
  const unmatched = linkByAutomation(written, results, add);
  const { cases, casesOf } = writtenCasesOf(written, links, results);
  for (const result of [...results].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    if (!casesOf.has(result.key)) cases.push(automatedOnlyCase(result));
  }
  return { cases, casesOf, byId: new Map(cases.map((c) => [c.id, c])), unmatched, diagnostics: unmatched.map((u) => u.diagnostic) };
}

type AddLink = (c: WrittenCase, result: Result, rule: LinkRule, detail: string) => void;

/** Links by the ids a result carries (Allure ID, tms links, …) to a case's id or its aliases. */
function linkByIds(written: readonly WrittenCase[], results: readonly Result[], add: AddLink): void {
  const byId = new Map<string, WrittenCase[]>();
  const index = (id: string, c: WrittenCase) => {
    const key = normalizeId(id);
    const list = byId.get(key) ?? [];
    if (!list.includes(c)) list.push(c);
    byId.set(key, list);
  };
  for (const c of written) {
    index(c.id, c);
    for (const alias of c.aliases) index(alias, c);
  }
  for (const result of results) {
    for (const candidate of candidateIds(result)) {
      for (const c of byId.get(normalizeId(candidate.id)) ?? []) add(c, result, candidate.rule, candidate.detail);
    }
  }
}

/** Links by each case's automation selectors; returns the cases whose explicit selectors matched nothing. */
function linkByAutomation(written: readonly WrittenCase[], results: readonly Result[], add: AddLink): LinkedCases['unmatched'] {
  const glob = globCache();
  // Gherkin scenarios: an index on "<file>.feature#<scenario>" instead of a glob per pair.
  const byFeatureKey = new Map<string, Result[]>();
  for (const result of results) {
    const key = featureKey(result.fullName);
    if (key) byFeatureKey.set(key, [...(byFeatureKey.get(key) ?? []), result]);
  }
  const unmatched: LinkedCases['unmatched'] = [];
  for (const c of written) {
    let explicitMatched = false;
    for (const selector of c.automation) {
      if (selector.implicit) {
        const key = selector.fullName?.replace(/^\*/, '') ?? '';
        for (const result of byFeatureKey.get(key) ?? []) add(c, result, 'automation', selector.text);
        continue;
      }
      for (const result of results) {
        if (selectorMatches(selector, result, glob)) {
          explicitMatched = true;
          add(c, result, 'automation', selector.text);
        }
      }
    }
    const explicit = c.automation.filter((s) => !s.implicit);
    if (explicit.length > 0 && !explicitMatched) {
      const diagnostic: Diagnostic = {
        severity: 'warning',
        code: 'case/automation-unmatched',
        message: `the automation of ${c.id} matches no result in this run: ${explicit.map((s) => s.text).join('; ')}`,
        file: c.file,
        line: c.line,
        rejected: false,
      };
      unmatched.push({ caseId: c.id, diagnostic });
    }
  }
  return unmatched;
}

/** Each written case with its links, state and place in the tree; and, per result, the cases it covers. */
function writtenCasesOf(written: readonly WrittenCase[], links: Map<WrittenCase, Map<string, CaseLink>>, results: readonly Result[]): Pick<LinkedCases, 'cases' | 'casesOf'> {
  const resultByKey = new Map(results.map((r) => [r.key, r]));
  const casesOf: LinkedCases['casesOf'] = new Map();
  const claim = slugClaims();
  const cases: TestCase[] = [];
  for (const c of written) {
    const mine = [...links.get(c)!.values()].sort((a, b) => (a.resultKey < b.resultKey ? -1 : a.resultKey > b.resultKey ? 1 : 0));
    for (const l of mine) casesOf.set(l.resultKey, [...(casesOf.get(l.resultKey) ?? []), { caseId: c.id, rule: l.rule, detail: l.detail }]);
    const covering = mine.map((l) => resultByKey.get(l.resultKey)!);
    const status = caseStatusOf(covering.map((r) => r.status));
    const state: CaseState = status ?? (c.automationDeclared ? 'not run' : 'manual');
    const slug = claim(slugify(c.id), c.id);
    const own = [c.epic, c.feature, c.story].filter(Boolean);
    const fromResult = covering[0] ? featurePathOf(covering[0]) : undefined;
    const where = own.length ? { path: own, source: 'labels' as const } : fromResult ?? { path: [UNGROUPED], source: 'none' as const };
    cases.push({ id: c.id, slug, href: 'cases', title: c.title, written: c, links: mine, state, ...(status ? { status } : {}), path: where.path, source: where.source });
  }
  return { cases, casesOf };
}

/** A result no written case covers, as a case of its own. */
function automatedOnlyCase(result: Result): TestCase {
  const where = featurePathOf(result);
  return {
    id: result.key,
    slug: result.slug,
    href: 'tests',
    title: result.name,
    links: [],
    resultKey: result.key,
    state: 'automated only',
    status: result.status,
    path: where.path,
    source: where.source,
  };
}
