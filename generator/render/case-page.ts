// One written test case → its page: the written steps next to the latest
// automated step tree, the tests that cover it and why, its requirements and
// the latest failure. Text from case files arrives as safe Markdown (made by
// the readers through safeDescription/mdast) and is re-parsed into mdast here,
// never concatenated into raw HTML.
import type { BlockContent, ListItem, RootContent } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import type { CaseEntry } from '../contract/cases.ts';
import type { PageEntry } from '../contract/collections.ts';
import type { CoveragePage } from '../contract/coverage.ts';
import type { CaseStep, TestCase } from '../model/cases.ts';
import type { Result } from '../model/types.ts';
import { safeDescription } from './description.ts';
import { formatDuration } from './format.ts';
import { code, emphasis, inlineCode, link, list, oneLine, paragraph, safeUrl, stringify, strong, table, text } from './markdown.ts';
import { STATUS_ICON, stepTree } from './steps.ts';
import type { RenderedPage, RenderOptions } from './test-page.ts';

export interface CaseRenderOptions extends RenderOptions {
  /** `https://github.com/acme/shop/edit/main/{path}`: the case file's repository path goes in `{path}`. */
  editUrl?: string;
}

const fragmentParser = remark().use(remarkGfm);

/** Safe Markdown back into nodes, so it can be nested in a list. */
function fragment(markdown: string): RootContent[] {
  return markdown.trim() ? (fragmentParser.parse(markdown).children as RootContent[]) : [];
}

function stepItem(step: CaseStep): ListItem {
  const children: RootContent[] = [];
  const action = fragment(step.actionMarkdown);
  children.push(...(action.length ? action : [paragraph(emphasis(text('(no action written)')))]));
  children.push(...fragment(step.details));
  const expected = fragment(step.expectedMarkdown);
  if (expected.length) {
    const [head, ...rest] = expected;
    if (head?.type === 'paragraph') {
      head.children.unshift(strong(text('Expected:')), text(' '));
      children.push(head, ...rest);
    } else children.push(paragraph(strong(text('Expected:'))), ...expected);
  }
  return { type: 'listItem', spread: true, children: children as BlockContent[] };
}

export function writtenSteps(steps: readonly CaseStep[]): string {
  // The fragments are safe already; neutralizing the whole list again costs little and keeps it so.
  return steps.length ? safeDescription(stringify([{ ...list(steps.map(stepItem), true), spread: true }])) : '';
}

const RANK = { failed: 0, broken: 1, unknown: 2, skipped: 3, passed: 4 } as const;

/** The result whose steps the page shows: the worst status, then the latest. */
export function primaryResult(results: readonly Result[]): Result | undefined {
  return [...results].sort((a, b) => RANK[a.status] - RANK[b.status] || b.stop - a.stop || (a.key < b.key ? -1 : 1))[0];
}

export function editLink(pattern: string | undefined, repoPath: string): string {
  if (!pattern || !repoPath) return '';
  const url = pattern.replace('{path}', repoPath.split('/').map(encodeURIComponent).join('/'));
  return safeUrl(url) && /^https?:/i.test(url) ? url : '';
}

export function renderCase(
  tc: TestCase,
  results: ReadonlyMap<string, Result>,
  feature: { path: string[]; slug: string; crumbs: { title: string; slug: string }[] },
  requirements: ReadonlyMap<string, { title: string; url: string }>,
  options: CaseRenderOptions,
  template: (view: object) => string,
): RenderedPage<CaseEntry> {
  const c = tc.written!;
  const { base } = options;
  const covering = tc.links.map((l) => ({ link: l, result: results.get(l.resultKey)! })).filter((x) => x.result);
  const primary = primaryResult(covering.map((x) => x.result));
  const failing = covering.map((x) => x.result).filter((r) => r.status === 'failed' || r.status === 'broken');
  const failure = primaryResult(failing);

  let automated: string;
  if (primary) {
    const head = paragraph(
      text(`${STATUS_ICON[primary.status]} ${primary.status} · `),
      link(`${base}tests/${primary.slug}/`, text(oneLine(primary.name))),
      text(` · ${formatDuration(primary.durationMs)}`),
      ...(covering.length > 1 ? [text(` · 1 of ${covering.length} covering tests`)] : []),
    );
    const tree = stepTree(primary.steps, base);
    automated = stringify([head, ...(tree.length ? tree : [paragraph(emphasis(text('The test reported no steps.')))])]);
  } else if (c.automationDeclared) {
    automated = stringify([
      paragraph(text('⏸ not run · automation is declared, but no result in this run matched it.')),
      ...(c.automation.length ? [list(c.automation.map((s) => ({ type: 'listItem' as const, spread: false, children: [paragraph(inlineCode(s.text))] })))] : []),
    ]);
  } else {
    automated = stringify([paragraph(text('✋ manual · no automated test covers this case yet.'))]);
  }

  const params = Object.entries(c.parameters);
  const view = {
    base,
    description: c.description,
    parameters: params.length ? stringify([table(['Name', 'Value'], params.map(([n, v]) => [text(oneLine(n)), inlineCode(v)]))]) : '',
    preconditions: c.preconditions,
    steps: writtenSteps(c.steps),
    automated,
    failure: failure
      ? {
          test: stringify([paragraph(text(`${STATUS_ICON[failure.status]} `), link(`${base}tests/${failure.slug}/`, text(oneLine(failure.name))))]),
          message: stringify([code(failure.statusDetails.message || '(no message)')]),
          trace: failure.statusDetails.trace ? stringify([code(failure.statusDetails.trace)]) : '',
        }
      : false,
  };
  const frontmatter: CaseEntry = {
    kind: 'case',
    slug: tc.slug,
    id: c.id,
    title: c.title,
    state: tc.state,
    status: c.status,
    format: c.format,
    file: c.file,
    line: c.line,
    editUrl: editLink(options.editUrl, c.repoPath),
    feature,
    owner: c.owner,
    severity: c.severity,
    layer: c.layer,
    tags: c.tags,
    requirements: c.requirements.map((id) => {
      const r = requirements.get(id);
      return { id, title: r?.title ?? '', url: r && safeUrl(r.url) && /^https?:/i.test(r.url) ? r.url : '' };
    }),
    coveredBy: covering.map(({ link: l, result: r }) => ({ slug: r.slug, title: r.name, status: r.status, flaky: r.flaky, durationMs: r.durationMs, rule: l.rule, detail: l.detail })),
    automation: c.automation.map((s) => s.text),
    automationDeclared: c.automationDeclared,
    parameters: params.map(([name, value]) => ({ name, value })),
    stepCount: c.steps.length,
    message: failure ? oneLine(failure.statusDetails.message).slice(0, 500) : '',
  };
  return { frontmatter, body: template(view) };
}

/** Fields a test page gets from linking: the cases it covers, or that it is a case of its own. */
export function testCaseFields(
  result: Pick<Result, 'key' | 'labels'>,
  covers: readonly { caseId: string; rule: CaseEntry['coveredBy'][number]['rule']; detail: string }[] | undefined,
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

