// The pages the generator renders itself, one per result, written case and
// feature node, with the results' attachments. A build may take a page itself
// (to frame it right away); otherwise it waits in the content folder.
import { HTML_PAGES_DIR, SITE_FILES_DIR, serializeHtmlPage, type HtmlPage } from '../contract/frame.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Logger } from '../lib/logger.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import type { LinkedRun } from '../link/link-run.ts';
import { attachmentsOf } from '../model/attachments.ts';
import type { Defect } from '../model/defects.ts';
import type { FeatureNode } from '../model/types.ts';
import { renderCase, testCaseFields } from '../render/case-page.ts';
import { renderDefectPage, testDefectFields, triageEntry } from '../render/defect-pages.ts';
import { renderUnexplained } from '../render/unexplained-page.ts';
import { renderRejected } from '../render/rejected-page.ts';
import { renderFeature } from '../render/feature-page.ts';
import { renderChanges, renderFlaky, testHistoryView } from '../render/history-pages.ts';
import { markdownHtml } from '../render/markdown-html.ts';
import type { PageTemplates } from '../render/page-templates.ts';
import { type Crumbs, type RenderOptions, renderTest } from '../render/test-page.ts';
import { type ContentWriter, type FileSource, WRITES_IN_FLIGHT } from './content-folder.ts';
import type { FeatureEntryOf } from './site-content.ts';

export interface PageSinks {
  /** Offered each page; resolves true when it was taken, false to write it to the content folder. */
  takePage?: (where: string, page: HtmlPage) => Promise<boolean>;
  /** Takes each attachment to publish instead of the content folder's `files/`. */
  takeFile?: (from: FileSource, where: string) => Promise<void>;
}

export interface PagesContext {
  options: RenderOptions & { editUrl?: string };
  templates: PageTemplates;
  crumbsFor: (node: FeatureNode) => Crumbs;
  writer: ContentWriter;
  sinks: PageSinks;
  logger: Logger;
  /** Called with the milliseconds each page took to render (the rest is writing). */
  rendered: (ms: number) => void;
  /** Every diagnostic so far, for the rejected-input page. */
  diagnostics: readonly Diagnostic[];
}

export async function writePages(linked: LinkedRun, featureEntries: readonly FeatureEntryOf[], context: PagesContext): Promise<void> {
  const { run, tree, cases, failures, caseInputs, nodeByPath } = linked;
  const { options, templates, crumbsFor, writer, sinks, logger, rendered } = context;
  const resultByKey = new Map(run.results.map((r) => [r.key, r]));
  // A defect's explanation is the same on every test page it explains: rendered once.
  const explanations = new Map<string, string>();
  const explanationOf = (d: Defect) => {
    let html = explanations.get(d.id);
    if (html === undefined) {
      html = markdownHtml(d.body);
      explanations.set(d.id, html);
    }
    return html;
  };
  const writtenCases = cases.cases.filter((tc) => tc.written);
  let written = 0;
  const total = run.results.length + writtenCases.length + featureEntries.length;
  const putFile = sinks.takeFile ?? ((from: FileSource, where: string) => writer.copy(from, `${SITE_FILES_DIR}/${where}`));
  const putPage = async (where: string, page: HtmlPage) => {
    if (!(await sinks.takePage?.(where, page))) await writer.write(`${HTML_PAGES_DIR}/${where}.html`, serializeHtmlPage(page));
    if (++written % 1000 === 0) logger.progress(`write: ${written}/${total} pages`);
  };
  const timed = <T>(render: () => T): T => {
    const start = performance.now();
    const page = render();
    rendered(performance.now() - start);
    return page;
  };
  await mapConcurrent(run.results, WRITES_IN_FLIGHT, async (result) => {
    const node = tree.nodeOf.get(result.key)!;
    const page = timed(() => {
      const defect = failures.defectOf.get(result.key);
      const linkedFields = {
        ...testCaseFields(result, cases.casesOf.get(result.key), cases.byId),
        ...testDefectFields(result, failures),
        ...(defect ? { explanationHtml: explanationOf(defect) } : {}),
        history: testHistoryView(linked.runHistory, result),
      };
      return renderTest(result, node, crumbsFor(node), linkedFields, options, templates.html.test);
    });
    await putPage(`tests/${result.slug}`, page);
    for (const { attachment } of attachmentsOf(result)) await putFile(attachment.content !== undefined ? { content: attachment.content } : attachment.path, attachment.href);
  });
  await mapConcurrent(writtenCases, WRITES_IN_FLIGHT, async (tc) => {
    const node = nodeByPath(tc.path)!;
    const feature = { path: node.path, slug: node.slug, crumbs: crumbsFor(node) };
    await putPage(`cases/${tc.slug}`, timed(() => renderCase(tc, resultByKey, feature, caseInputs.requirements, options, templates.html.case)));
  });
  await mapConcurrent(featureEntries, WRITES_IN_FLIGHT, async ({ node, nodeCases, entry }) => {
    const page = timed(() => {
      const tests = node.results.map((key) => {
        const r = resultByKey.get(key)!;
        return { slug: r.slug, title: r.name, status: r.status, flaky: r.flaky, durationMs: r.durationMs };
      });
      return renderFeature(entry, tests, nodeCases, options, templates.html.feature);
    });
    await putPage(`features/${entry.slug}`, page);
  });
  await putPage('changes/index', timed(() => renderChanges(linked.runHistory, resultByKey, options.base, templates.html.changes)));
  for (const [i, defect] of failures.defects.entries()) {
    const explanationHtml = explanationOf(defect.defect);
    await putPage(`defects/${defect.defect.slug}/index`, timed(() => renderDefectPage(defect, i + 1, resultByKey, { base: options.base, history: linked.runHistory.shown, explanationHtml }, templates.html.defect)));
  }
  await putPage('rejected/index', timed(() => renderRejected(context.diagnostics, templates.html.rejected)));
  await putPage('unexplained/index', timed(() => renderUnexplained(triageEntry(run, failures), options.base, templates.html.unexplained)));
  await putPage('flaky/index', timed(() => renderFlaky(linked.runHistory, run.results, options.base, templates.html.flaky)));
}
