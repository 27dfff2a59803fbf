// What Astro reads, written first so a build can start Astro while the
// generator renders its own pages: the features file, the run and coverage
// pages, the defect pages and summary.json.
import { FEATURES_FILE, type Summary } from '../contract/collections.ts';
import { HISTORY_INDEX } from '../contract/history.ts';
import type { CoveragePage } from '../contract/coverage.ts';
import { HTML_PAGES_DIR, SITE_FILES_DIR } from '../contract/frame.ts';
import type { Diagnostic, DiagnosticSink } from '../diagnostics/diagnostic.ts';
import { coveragePageOf, featureCaseFields } from '../link/case-stage.ts';
import type { LinkedRun } from '../link/link-run.ts';
import type { FeatureNode } from '../model/types.ts';
import { renderCoveragePage } from '../render/case-page.ts';
import { renderTriage } from '../render/defect-pages.ts';
import { featureEntry } from '../render/feature-page.ts';
import { markdownFile } from '../render/frontmatter.ts';
import type { PageTemplates } from '../render/page-templates.ts';
import { renderRunPages } from '../render/run-pages.ts';
import type { Crumbs, RenderOptions } from '../render/test-page.ts';
import type { ContentWriter } from './content-folder.ts';
import { buildSummary } from './summary.ts';
import { trendOf } from '../model/history.ts';

/** A feature node's entry in the features file, and the cases its page lists. */
export interface FeatureEntryOf {
  node: FeatureNode;
  nodeCases: ReturnType<typeof featureCaseFields>['cases'];
  entry: ReturnType<typeof featureEntry>;
}

export interface SiteContent {
  summary: Summary;
  coverage: CoveragePage;
  featureEntries: FeatureEntryOf[];
}

export async function writeSiteContent(
  linked: LinkedRun,
  context: { title: string; options: RenderOptions; templates: PageTemplates; crumbsFor: (node: FeatureNode) => Crumbs; writer: ContentWriter; diagnostics: DiagnosticSink & { list: Diagnostic[] } },
): Promise<SiteContent> {
  const { run, tree, totals, cases, failures, caseInputs } = linked;
  const { title, options, templates, crumbsFor, writer, diagnostics } = context;
  const featureEntries = tree.nodes
    .filter((node) => node.level !== 'root')
    .map((node) => {
      const { children, coverage, cases: nodeCases } = featureCaseFields(node, cases.byId);
      return { node, nodeCases, entry: featureEntry(node, crumbsFor(node), children, coverage) };
    });
  // One file, not a Markdown entry per node: far less of Astro's memory and time (docs/decisions/content-layout.md).
  await writer.write(FEATURES_FILE, `${JSON.stringify(featureEntries.map(({ entry }) => entry))}\n`);
  const coverage = coveragePageOf(tree, cases, caseInputs, diagnostics);
  const runPages = renderRunPages({ title, run, totals, root: tree.root, diagnostics: diagnostics.list, trend: trendOf(linked.runHistory.shown) }, options, templates.markdown);
  for (const page of [...runPages, renderCoveragePage(runPages[0]!.frontmatter, coverage, templates.markdown.coverage)]) {
    await writer.write(`pages/${page.frontmatter.slug}.md`, markdownFile(page.frontmatter, page.body));
  }
  const [triageFile, triageText] = renderTriage(run, failures);
  await writer.write(triageFile, triageText);
  const { runHistory } = linked;
  const summary = buildSummary(title, run, totals, tree.nodes.length - 1, diagnostics.list, failures.breakdown, failures.categories, { diff: runHistory.diff.counts, history: { runs: runHistory.runs } });
  await writer.write('public/summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  // The next build reads it back from the published site (--history).
  await writer.write(`public/${HISTORY_INDEX}`, `${JSON.stringify(runHistory.next)}\n`);
  await writer.removeStale((file) => !file.startsWith(`${HTML_PAGES_DIR}/`) && !file.startsWith(`${SITE_FILES_DIR}/`));
  return { summary, coverage, featureEntries };
}
