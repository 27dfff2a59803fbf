// One test → its page, rendered here as HTML (one page per result is too many
// to send through Astro one by one): a view for templates/test.html.hbs, whose
// output `casebook build` puts in the frame Astro built.
import type { TestDefect } from '../contract/defects.ts';
import type { HtmlPage } from '../contract/frame.ts';
import type { CoveredCase } from '../contract/coverage.ts';
import type { FeatureNode, Link, Result } from '../model/types.ts';
import { attachmentsOf } from '../model/attachments.ts';
import { testTrail, activeSlugs } from '../contract/view/crumbs.ts';
import { caseRefHref } from '../contract/view/case-urls.ts';
import { LINK_RULE_LABELS } from '../contract/view/coverage.ts';
import { defectHref, issueHref, kindLabel, testDefectFilters } from '../contract/view/defects.ts';
import { formatDateTime, isoDateTime, pluralize } from '../contract/view/format.ts';
import { testCaseFilters } from '../contract/view/case-filters.ts';
import { testFilters } from '../contract/view/search-filters.ts';
import { assetHref, searchHref } from '../contract/view/urls.ts';
import { formatBytes, formatDuration } from '../contract/view/format.ts';
import { markdownHtml } from './markdown-html.ts';
import type { testHistoryView } from './history-pages.ts';
import { oneLine, safeUrl } from '../markdown/fragments.ts';
import { fixtureList, STATUS_ICON, stepTree, visibleParameters } from './steps.ts';

export interface RenderOptions {
  /** The site's base path, ending with '/'. */
  base: string;
  /** URL patterns for links that carry only a name, e.g. `{ issue: 'https://tracker/{}' }`. */
  linkPatterns: Record<string, string>;
}


export type Crumbs = { title: string; slug: string }[];

export function crumbsOf(node: FeatureNode, nodesByPath: (path: string[]) => FeatureNode | undefined): Crumbs {
  const crumbs: Crumbs = [];
  for (let depth = 1; depth <= node.path.length; depth++) {
    const n = nodesByPath(node.path.slice(0, depth));
    if (n) crumbs.push({ title: n.title, slug: n.slug });
  }
  return crumbs;
}

/** A link's URL: as written when it is absolute, else the configured pattern for its type filled with its id. */
export function linkUrl(l: Link, patterns: Record<string, string>): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(l.url)) return l.url;
  const pattern = patterns[l.type];
  const id = l.url || l.name.replace(/^#/, '');
  return pattern && id ? pattern.replace('{}', encodeURIComponent(id)) : '';
}

export function labelValues(result: Pick<Result, 'labels'>, name: string): string[] {
  return [...new Set(result.labels.filter((l) => l.name === name && l.value).map((l) => l.value))].sort();
}

export interface RenderedPage<T> {
  frontmatter: T;
  body: string;
}

/** What linking adds to a test page: the cases it covers, its defect, its Allure category. */
export interface TestLinks {
  cases: CoveredCase[];
  automatedOnly: boolean;
  layer: string;
  defect?: TestDefect;
  /** The defect's explanation, Markdown rendered to HTML (once per defect, by the caller). */
  explanationHtml?: string;
  category?: string;
  /** Its recent runs and what changed since the previous one (render/history-pages.ts). */
  history?: ReturnType<typeof testHistoryView>;
}

function attachmentViews(result: Result, base: string) {
  return attachmentsOf(result).map(({ owner, attachment: a }) => ({
    name: oneLine(a.name),
    contentType: a.contentType,
    size: formatBytes(a.sizeBytes),
    owner: owner === 'test' ? '' : oneLine(owner),
    url: assetHref(base, a.href),
    image: a.preview === 'image',
    html: a.preview === 'html' && a.text !== undefined ? a.text : undefined,
    text: a.preview === 'text' && a.text !== undefined ? a.text + (a.truncated ? '\n… (preview cut; download the whole file)' : '') : undefined,
  }));
}

export function renderTest(
  result: Result,
  node: FeatureNode,
  crumbs: Crumbs,
  linked: TestLinks,
  options: RenderOptions,
  template: (view: object) => string,
): HtmlPage {
  const { base } = options;
  const details = result.statusDetails;
  const failing = result.status === 'failed' || result.status === 'broken';
  const owner = labelValues(result, 'owner')[0] ?? '';
  const severity = labelValues(result, 'severity')[0] ?? '';
  const tags = labelValues(result, 'tag');
  const feature = { path: node.path, slug: node.slug, crumbs };
  const attachments = attachmentViews(result, base);
  const defect = linked.defect;
  const view = {
    title: result.name,
    status: result.status,
    filters: [...testFilters({ status: result.status, feature, owner, tags, severity }), ...testCaseFilters(linked), ...testDefectFilters({ status: result.status, defect })],
    crumbs: testTrail(base, crumbs, result.name),
    automatedOnly: linked.automatedOnly,
    flaky: result.flaky,
    known: details.known,
    muted: details.muted,
    duration: formatDuration(result.durationMs),
    retries: result.retries.length > 0 ? pluralize(result.retries.length, 'retry', 'retries') : '',
    defect: defect && {
      ...defect,
      href: defectHref(base, defect.slug),
      kindLower: kindLabel(defect.defectKind).toLowerCase(),
      issue: issueHref(defect.issue),
      explanationHtml: linked.explanationHtml ?? '',
    },
    owner,
    severity,
    tags: tags.map((tag) => ({ tag, href: searchHref(base, tag) })),
    started: result.start > 0 ? { iso: isoDateTime(result.start), text: formatDateTime(result.start) } : undefined,
    category: failing ? linked.category : undefined,
    fullName: result.fullName,
    cases: linked.cases.map((c) => ({ ...c, href: caseRefHref(base, c), rule: LINK_RULE_LABELS[c.rule] })),
    descriptionHtml: result.descriptionHtml.trim(),
    failure: failureView(result, defect !== undefined),
    description: markdownHtml(result.description),
    parameters: visibleParameters(result.parameters).map((p) => ({ name: oneLine(p.name), value: oneLine(p.value) })),
    setup: fixtureList(result.setup, base),
    steps: stepTree(result.steps, base),
    teardown: fixtureList(result.teardown, base),
    attachments,
    htmlAttachments: attachments.filter((a) => a.html !== undefined),
    attempts: attemptsView(result),
    history: linked.history,
    links: result.links.map((l) => {
      const url = linkUrl(l, options.linkPatterns);
      return { type: l.type, label: oneLine(l.name || l.url || l.type), url: safeUrl(url) ? url : '' };
    }),
    details: detailsView(result),
  };
  return { title: result.name, navOpen: [...activeSlugs(crumbs, node.slug)], html: template(view) };
}

/** The failure (or, on a passed test, the message) block; folded when a known defect explains it. */
function failureView(result: Result, explained: boolean) {
  const details = result.statusDetails;
  const failing = result.status === 'failed' || result.status === 'broken';
  if (!(failing || details.message) || !(details.message || details.trace)) return undefined;
  return {
    heading: failing ? 'Failure' : 'Message',
    folded: explained,
    message: details.message || '(no message)',
    comparison: details.expected !== undefined || details.actual !== undefined ? { expected: details.expected ?? '', actual: details.actual ?? '' } : undefined,
    trace: details.trace,
  };
}

/** Every attempt, the earlier ones first, when the test was retried. */
function attemptsView(result: Result) {
  if (!result.retries.length) return [];
  return [...result.retries, result].map((a, i) => ({
    n: i + 1,
    status: a.status,
    icon: STATUS_ICON[a.status],
    duration: formatDuration(a.durationMs),
    message: oneLine(a.statusDetails.message).slice(0, 200),
  }));
}

/** The details table: names, identity, the result file and the labels not shown elsewhere. */
function detailsView(result: Result) {
  return [
    { field: 'Full name', value: result.fullName || result.name, code: true },
    { field: 'Identity', value: result.key, code: true },
    { field: 'Result file', value: result.file, code: true },
    ...result.labels.filter((l) => l.value && !l.name.startsWith('_')).map((l) => ({ field: oneLine(l.name), value: oneLine(l.value), code: false })),
  ];
}
