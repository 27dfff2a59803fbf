// One written test case → its page, rendered here as HTML like test pages
// (see test-page.ts): the written steps next to the latest automated step
// tree, the tests that cover it and why, its requirements and the latest
// failure. Text from case files is Markdown, rendered by micromark, which
// escapes any raw HTML in it.
import type { PageEntry } from '../contract/collections.ts';
import type { CoveragePage, LinkRule } from '../contract/coverage.ts';
import type { CaseStep, TestCase } from '../model/cases.ts';
import type { Result } from '../model/types.ts';
import { caseFilters } from '../contract/view/case-filters.ts';
import { LINK_RULE_LABELS } from '../contract/view/coverage.ts';
import { activeSlugs, testTrail } from '../contract/view/crumbs.ts';
import { externalHref, searchHref, testHref } from '../contract/view/urls.ts';
import { formatDuration, pluralize } from '../contract/view/format.ts';
import { statusRank } from '../contract/view/status.ts';
import { markdownHtml } from './markdown-html.ts';
import { oneLine, paragraph, safeUrl, stringify, text } from '../markdown/fragments.ts';
import { stepTree } from './steps.ts';
import type { HtmlPage } from '../contract/frame.ts';
import type { Crumbs, RenderedPage, RenderOptions } from './test-page.ts';

export interface CaseRenderOptions extends RenderOptions {
  /** `https://github.com/acme/shop/edit/main/{path}`: the case file's repository path goes in `{path}`. */
  editUrl?: string;
}

const FORMATS = { markdown: 'Markdown', yaml: 'YAML', gherkin: 'Gherkin' } as const;

function stepView(step: CaseStep) {
  return { action: markdownHtml(step.actionMarkdown), details: markdownHtml(step.details), expected: markdownHtml(step.expectedMarkdown) };
}

/** The result whose steps the page shows: the worst status, then the latest. */
export function primaryResult(results: readonly Result[]): Result | undefined {
  return [...results].sort((a, b) => statusRank(a.status) - statusRank(b.status) || b.stop - a.stop || (a.key < b.key ? -1 : 1))[0];
}

export function editLink(pattern: string | undefined, repoPath: string): string {
  if (!pattern || !repoPath) return '';
  const url = pattern.replace('{path}', repoPath.split('/').map(encodeURIComponent).join('/'));
  return safeUrl(url) && /^https?:/i.test(url) ? url : '';
}

export function renderCase(
  tc: TestCase,
  results: ReadonlyMap<string, Result>,
  feature: { path: string[]; slug: string; crumbs: Crumbs },
  requirements: ReadonlyMap<string, { title: string; url: string }>,
  options: CaseRenderOptions,
  template: (view: object) => string,
): HtmlPage {
  const c = tc.written!;
  const { base } = options;
  const covering = tc.links.map((l) => ({ link: l, result: results.get(l.resultKey)! })).filter((x) => x.result);
  const primary = primaryResult(covering.map((x) => x.result));
  const failure = primaryResult(covering.map((x) => x.result).filter((r) => r.status === 'failed' || r.status === 'broken'));
  const state = tc.state;
  const view = {
    id: c.id,
    title: c.title,
    state,
    filters: caseFilters({ state, feature, owner: c.owner, tags: c.tags, layer: c.layer, severity: c.severity }),
    crumbs: testTrail(base, feature.crumbs, c.title),
    status: c.status !== 'active' ? c.status : '',
    stepCount: pluralize(c.steps.length, 'step'),
    editUrl: externalHref(editLink(options.editUrl, c.repoPath)),
    owner: c.owner,
    severity: c.severity,
    layer: c.layer,
    tags: c.tags.map((tag) => ({ tag, href: searchHref(base, tag) })),
    requirements: c.requirements.map((id) => {
      const r = requirements.get(id);
      return { id, title: r?.title ?? '', url: r ? externalHref(r.url) : '' };
    }),
    source: `${c.file}${c.line > 1 ? `:${c.line}` : ''}`,
    format: FORMATS[c.format],
    description: markdownHtml(c.description),
    parameters: Object.entries(c.parameters).map(([name, value]) => ({ name: oneLine(name), value: oneLine(value) })),
    preconditions: markdownHtml(c.preconditions),
    steps: c.steps.map(stepView),
    automated: primary
      ? {
          status: primary.status,
          href: testHref(base, primary.slug),
          title: oneLine(primary.name),
          duration: formatDuration(primary.durationMs),
          of: covering.length > 1 ? `1 of ${covering.length} covering tests` : '',
          steps: stepTree(primary.steps, base),
        }
      : undefined,
    automationDeclared: c.automationDeclared,
    automation: c.automation.map((s) => s.text),
    failure: failure
      ? {
          status: failure.status,
          href: testHref(base, failure.slug),
          title: oneLine(failure.name),
          message: failure.statusDetails.message || '(no message)',
          trace: failure.statusDetails.trace,
        }
      : undefined,
    coveredBy: covering.map(({ link: l, result: r }) => ({
      slug: r.slug,
      href: testHref(base, r.slug),
      title: r.name,
      status: r.status,
      flaky: r.flaky,
      duration: formatDuration(r.durationMs),
      rule: LINK_RULE_LABELS[l.rule],
      detail: l.detail,
    })),
  };
  return { title: c.title, navOpen: [...activeSlugs(feature.crumbs, feature.slug)], html: template(view) };
}

/** Fields a test page gets from linking: the cases it covers, or that it is a case of its own. */
export function testCaseFields(
  result: Pick<Result, 'key' | 'labels'>,
  covers: readonly { caseId: string; rule: LinkRule; detail: string }[] | undefined,
  byId: ReadonlyMap<string, TestCase>,
) {
  const cases = (covers ?? []).map((x) => {
    const tc = byId.get(x.caseId)!;
    return { id: tc.id, slug: tc.slug, href: tc.href, title: tc.title, state: tc.state, rule: x.rule, detail: x.detail };
  });
  const layer = result.labels.find((l) => l.name === 'layer' && l.value.trim())?.value.trim() ?? '';
  return { cases, automatedOnly: byId.get(result.key)?.state === 'automated only', layer };
}

/** `pages/coverage.md`: the run pages' common fields plus the coverage data; the map is drawn by the site. */
export function renderCoveragePage(common: PageEntry, coverage: CoveragePage, template: (view: object) => string): RenderedPage<PageEntry> {
  const t = coverage.totals;
  const automated = t.passing + t.failing + t.skipped;
  const summary = t.total
    ? `${t.total} cases: ${automated} automated (${t.passing} passing, ${t.failing} failing, ${t.skipped} skipped), ${t.manual} manual, ${t.notRun} not run. ${t.automatedOnly} of the automated ones have no written case.`
    : 'No test cases in this run.';
  return {
    frontmatter: { ...common, slug: 'coverage', title: 'Coverage', coverage },
    body: template({ summary: stringify([paragraph(text(summary))]) }),
  };
}

