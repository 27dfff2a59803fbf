// Known defects and unexplained failures → content: one page per defect (its
// explanation is the body), the `triage/failures` entry that the overview,
// the defects list and the unexplained-failures page read, and the fields a
// failing test's page gets.
import { stringify as yamlStringify } from 'yaml';
import type { DefectEntry, TestDefect, TriageEntry } from '../contract/defects.ts';
import type { FailureLink, LinkedDefect } from '../link/failures.ts';
import type { SignatureGroup } from '../link/signatures.ts';
import type { Defect, DefectDrift } from '../model/defects.ts';
import type { Result, Run } from '../model/types.ts';
import { type History, STRIP_CODES } from '../contract/history.ts';
import type { HtmlPage } from '../contract/frame.ts';
import { defectFilters, defectHref, defectsIndexHref, issueHref, kindLabel } from '../contract/view/defects.ts';
import { formatDateTime, isoDateTime, pluralize } from '../contract/view/format.ts';
import { testHref } from '../contract/view/urls.ts';
import { markdownFile } from './frontmatter.ts';

/** The largest groups are listed; the rest are counted. */
const MAX_GROUPS = 500;
const MAX_TESTS_PER_GROUP = 25;
const MAX_SAMPLE_MESSAGE = 4000;
const MAX_SAMPLE_TRACE = 8000;

function defectRef(defect: Defect, drift: DefectDrift): TestDefect {
  return { id: defect.id, slug: defect.slug, title: defect.title, status: defect.status, defectKind: defect.kind, drift, owner: defect.owner, issue: defect.issue };
}

const byTitle = (a: { title: string; slug: string }, b: { title: string; slug: string }) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);

function affected(result: Result) {
  return { slug: result.slug, title: result.name, status: result.status, fullName: result.fullName };
}

/** Front matter fields of a test's page: the defect explaining its failure, and its Allure category. */
export function testDefectFields(result: Result, link: FailureLink): { defect?: TestDefect; category?: string } {
  const defect = link.defectOf.get(result.key);
  const category = link.categoryOf.get(result.key);
  const linked = defect ? link.defects.find((d) => d.defect.id === defect.id) : undefined;
  return { ...(defect ? { defect: defectRef(defect, linked?.drift ?? 'none') } : {}), ...(category ? { category } : {}) };
}

function matchersOf(defect: Defect): DefectEntry['matchers'] {
  const m = defect.match;
  const rows: DefectEntry['matchers'] = [];
  if (m.message) rows.push({ name: 'message', value: m.message });
  if (m.trace) rows.push({ name: 'trace', value: m.trace });
  rows.push({ name: 'statuses', value: m.statuses.join(', ') });
  for (const c of m.cases) rows.push({ name: 'case', value: c });
  for (const f of m.fullNames) rows.push({ name: 'fullName', value: f });
  for (const l of m.labels) rows.push({ name: `label ${l.name}`, value: l.values.join(' | ') });
  return rows;
}

function defectEntry(linked: LinkedDefect, order: number, byKey: ReadonlyMap<string, Result>): DefectEntry {
  const d = linked.defect;
  return {
    kind: 'defect',
    ...defectRef(d, linked.drift),
    file: d.file,
    order,
    counts: { total: linked.results.length, failed: linked.failed, broken: linked.broken },
    matchers: matchersOf(d),
    tests: linked.results.map((k) => affected(byKey.get(k)!)).sort(byTitle),
    overlaps: linked.overlaps.map((o) => ({ id: o.defect.id, slug: o.defect.slug, title: o.defect.title, count: o.count, first: o.first })),
  };
}

/** A defect file a curator can copy for a group: the matcher is prefilled, the rest is to be written. */
export function suggestedDefectFile(group: SignatureGroup): string {
  const s = group.suggestion;
  const quote = (value: string) => yamlStringify(value, { defaultStringType: 'QUOTE_SINGLE', lineWidth: 0 }).trimEnd();
  const title = group.signature.message.split('\n')[0]!.slice(0, 100);
  const lines = [
    '---',
    `id: DEF-${group.id.slice(0, 6).toUpperCase()}`,
    `title: ${quote(title)}`,
    'issue: ""        # the ticket: https://…',
    'status: open     # open | fixed | wontfix',
    `kind: ${group.statuses.broken > group.statuses.failed ? 'test' : 'product'}     # product | test | infrastructure`,
    'owner: ""',
    'match:',
    ...(s.message ? [`  message: ${quote(s.message)}`] : []),
    ...(s.trace ? [`  trace: ${quote(s.trace)}`] : []),
    `  statuses: [${s.statuses.join(', ')}]`,
    '---',
    '',
    'What is broken, and why. Everyone who opens a failing test reads this',
    'instead of the stack trace.',
    '',
    '## What to do',
    '',
    '- Until it is fixed: …',
    '',
  ];
  return lines.join('\n');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}\n… (${text.length - max} more characters)` : text;
}

export function triageEntry(run: Run, link: FailureLink): TriageEntry {
  const byKey = new Map(run.results.map((r) => [r.key, r]));
  const groups = link.groups.slice(0, MAX_GROUPS).map((g, i) => {
    const first = byKey.get(g.results[0]!)!;
    return {
      id: g.id,
      rank: i + 1,
      count: g.results.length,
      failed: g.statuses.failed,
      broken: g.statuses.broken,
      message: g.signature.message,
      frames: g.signature.frames,
      sampleMessage: clip(first.statusDetails.message, MAX_SAMPLE_MESSAGE),
      sampleTrace: clip(first.statusDetails.trace, MAX_SAMPLE_TRACE),
      tests: g.results.slice(0, MAX_TESTS_PER_GROUP).map((k) => affected(byKey.get(k)!)),
      moreTests: Math.max(0, g.results.length - MAX_TESTS_PER_GROUP),
      suggestion: suggestedDefectFile(g),
      alsoMatches: g.suggestion.alsoMatches,
    };
  });
  return {
    kind: 'triage',
    slug: 'failures',
    breakdown: link.breakdown,
    categories: link.categories,
    defects: link.defects.map((l) => ({ ...defectRef(l.defect, l.drift), count: l.results.length, failed: l.failed, broken: l.broken, file: l.defect.file })),
    groups,
    moreGroups: Math.max(0, link.groups.length - MAX_GROUPS),
  };
}

/** The triage data Astro's pages read (the overview's breakdown, the defects index, the nav's counts). */
export function renderTriage(run: Run, link: FailureLink): [string, string] {
  return ['triage/failures.md', markdownFile(triageEntry(run, link), '')];
}

/** A known defect's page, rendered by the generator into the frame (docs/decisions/site-pages.md); in the search index. */
export function renderDefectPage(
  linked: LinkedDefect,
  order: number,
  byKey: ReadonlyMap<string, Result>,
  context: { base: string; history?: History; explanationHtml: string },
  template: (view: object) => string,
): HtmlPage {
  const d = defectEntry(linked, order, byKey);
  const { base, history } = context;
  const seen = history && history.runs.length > 1 ? defectHistory(history, linked.results) : undefined;
  const when = (ms: number) => ({ iso: isoDateTime(ms), text: formatDateTime(ms) });
  const view = {
    filters: defectFilters(d),
    crumbs: [{ label: 'Known defects', href: defectsIndexHref(base) }, { label: d.id }],
    eyebrow: `Known ${kindLabel(d.defectKind).toLowerCase()} defect · ${d.id}`,
    title: d.title,
    badges: d,
    failuresInRun: pluralize(d.counts.total, 'failure'),
    regression: d.drift === 'regression',
    notSeen: d.drift === 'not-seen',
    issue: issueHref(d.issue),
    owner: d.owner,
    failed: d.counts.failed,
    broken: d.counts.broken,
    file: d.file,
    explanationHtml: context.explanationHtml,
    history: seen && {
      runs: pluralize(seen.perRun.length, 'run'),
      firstSeen: seen.firstSeen === undefined ? undefined : when(seen.firstSeen),
      lastSeen: seen.lastSeen === undefined ? undefined : when(seen.lastSeen),
      perRun: [...seen.perRun].reverse().map((r) => ({ when: formatDateTime(r.start), failures: r.failures })),
    },
    order: d.order,
    matchers: d.matchers,
    overlaps: d.overlaps.map((o) => ({ id: o.id, href: defectHref(base, o.slug), count: pluralize(o.count, 'failure'), explained: o.first ? 'explained here' : `explained by ${o.id}` })),
    tests: d.tests.map((t) => ({ ...t, href: testHref(base, t.slug) })),
  };
  return { title: d.title, navOpen: [], html: template(view) };
}

/** In each run of the history, how many of the tests the defect explains now failed; the first and the last run any did. */
function defectHistory(history: History, keys: readonly string[]): NonNullable<DefectEntry['history']> {
  const perRun = history.runs.map((run) => ({ start: run.start, failures: 0 }));
  for (const key of keys) {
    const test = Object.hasOwn(history.tests, key) ? history.tests[key] : undefined;
    if (!test) continue;
    for (let i = 0; i < perRun.length; i++) {
      const code = test.strip[i];
      if (code === STRIP_CODES.failed || code === STRIP_CODES.broken) perRun[i]!.failures++;
    }
  }
  const seen = perRun.filter((r) => r.failures > 0);
  return { ...(seen[0] ? { firstSeen: seen[0].start, lastSeen: seen.at(-1)!.start } : {}), perRun };
}
