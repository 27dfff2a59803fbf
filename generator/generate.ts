// generate(): read → model → link → render → write. The content folder it
// writes is what the Astro site reads; `build()` then runs Astro and Pagefind.
import path from 'node:path';
import type { CasebookConfig } from './config/schema.ts';
import { CASE_CACHE_FILE } from './read/cases/parse-cache.ts';
import { splitBaseUrl } from './config/schema.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { createDiagnosticList } from './diagnostics/diagnostic.ts';
import type { FeatureTree } from './link/feature-tree.ts';
import { buildFeatureTree } from './link/feature-tree.ts';
import type { Logger, Timings } from './lib/logger.ts';
import { silentLogger } from './lib/logger.ts';
import { attachmentsOf } from './model/attachments.ts';
import { totalsOf } from './model/totals.ts';
import type { FeatureNode, Run, RunTotals } from './model/types.ts';
import { mapConcurrent } from './lib/map-concurrent.ts';
import { readRun } from './read/results/results-run.ts';
import { featureEntry, renderFeature } from './render/feature-page.ts';
import { markdownFile } from './render/frontmatter.ts';
import { renderRunPages } from './render/run-pages.ts';
import { loadTemplates } from './render/templates.ts';
import { loadHtmlTemplates, obsoleteTemplates } from './render/html-templates.ts';
import { markdownHtml } from './render/markdown-html.ts';
import { HTML_PAGES_DIR, SITE_FILES_DIR, serializeHtmlPage, type HtmlPage } from './contract/frame.ts';
import type { Defect } from './model/defects.ts';
import { crumbsOf, renderTest } from './render/test-page.ts';
import { openContentWriter, WRITES_IN_FLIGHT, type FileSource } from './write/content-folder.ts';
import { buildSummary } from './write/summary.ts';
import type { Summary } from './contract/collections.ts';
import { FEATURES_FILE } from './contract/collections.ts';
import type { CoveragePage } from './contract/coverage.ts';
import { coveragePageOf, featureCaseFields } from './link/case-stage.ts';
import { readCaseInputs } from './read/cases/case-inputs.ts';
import type { LinkedCases } from './link/cases.ts';
import { linkCases } from './link/cases.ts';
import { placeCases } from './link/coverage.ts';
import { renderCase, renderCoveragePage, testCaseFields } from './render/case-page.ts';
import type { FailureLink } from './link/failures.ts';
import { linkFailures } from './link/failures.ts';
import { readDefectFolders } from './read/defects/defect-files.ts';
import { renderDefectPages, testDefectFields } from './render/defect-pages.ts';

export interface GenerateResult {
  run: Run;
  totals: RunTotals;
  tree: FeatureTree;
  diagnostics: Diagnostic[];
  summary: Summary;
  contentDir: string;
  timings: Timings;
  /** Written and automated-only test cases, linked to the results. */
  cases: LinkedCases;
  coverage: CoveragePage;
  /** Allure categories, known defects matched to failures, unexplained failures by signature. */
  failures: FailureLink;
}

export interface GenerateHooks {
  /** Called once everything Astro reads is in the content folder (before the test and case pages). */
  onSiteContent?: (contentDir: string) => void;
  /**
   * Offered each page the generator renders as HTML (`where`: `tests/<slug>`, …);
   * resolves true when the caller took care of it, false to have it written
   * to the content folder as usual.
   */
  takePage?: (where: string, page: HtmlPage) => Promise<boolean>;
  /**
   * Takes each attachment to publish (`where`: its path in the site) instead of
   * the content folder's `files/`: a build copies it straight into the site.
   */
  takeFile?: (from: FileSource, where: string) => Promise<void>;
}

export async function generate(config: CasebookConfig, logger: Logger = silentLogger, hooks: GenerateHooks = {}): Promise<GenerateResult> {
  const timings: Timings = {};
  const diagnostics = createDiagnosticList();
  let clock = performance.now();
  const lap = (stage: keyof Timings) => {
    const now = performance.now();
    timings[stage] = (timings[stage] ?? 0) + (now - clock);
    clock = now;
  };

  // read
  // Case files are parsed in other processes meanwhile (see read/case-workers.ts).
  // Each input reports into its own list, merged in a fixed order, so the
  // diagnostics do not depend on which finished first.
  const [resultsSink, casesSink, defectsSink] = [createDiagnosticList(), createDiagnosticList(), createDiagnosticList()];
  const [run, caseInputs, defects] = await Promise.all([
    readRun(config.results, resultsSink, logger, config.limits),
    // Parsed case files are kept in the content folder for the next build.
    readCaseInputs(config, casesSink, path.join(path.resolve(config.content), CASE_CACHE_FILE)),
    readDefectFolders(config.defects, defectsSink, config.limits.textFileBytes),
  ]);
  for (const sink of [resultsSink, casesSink, defectsSink]) for (const d of sink.list) diagnostics.report(d);
  lap('read');

  // link
  const cases = linkCases(caseInputs.cases, run.results);
  for (const d of cases.diagnostics) diagnostics.report(d);
  const tree = buildFeatureTree(run.results, cases.cases.filter((c) => c.written).map((c) => ({ path: c.path, source: c.source })));
  placeCases(tree, cases.cases);
  const totals = totalsOf(run.results);
  const byPath = new Map(tree.nodes.map((n) => [n.path.join('\u0000'), n]));
  const nodeByPath = (p: string[]) => byPath.get(p.join('\u0000'));
  // Every test, case and feature page shows its node's trail: one per node, not one per page.
  const crumbsByNode = new Map(tree.nodes.map((n) => [n, crumbsOf(n, nodeByPath)]));
  const crumbsFor = (node: FeatureNode) => crumbsByNode.get(node)!;
  const failures = linkFailures(run, defects, diagnostics);
  lap('link');

  // render + write, page by page so memory stays flat
  const { base } = splitBaseUrl(config.baseUrl);
  const options = { base, linkPatterns: config.links };
  const templates = await loadTemplates(config.templates);
  const htmlTemplates = await loadHtmlTemplates(config.templates);
  for (const t of await obsoleteTemplates(config.templates)) {
    diagnostics.report({
      severity: 'warning',
      code: 'template/obsolete',
      message: `this template is no longer used: the page is HTML now, made from ${t.replacedBy}`,
      file: t.file,
      hint: `copy generator/render/templates/${t.replacedBy} into the templates folder and change that instead`,
      rejected: false,
    });
  }
  const writer = await openContentWriter(config.content);
  const resultByKey = new Map(run.results.map((r) => [r.key, r]));
  const explanations = new Map<string, string>();
  const explanationOf = (d: Defect) => {
    let html = explanations.get(d.id);
    if (html === undefined) {
      html = markdownHtml(d.body);
      explanations.set(d.id, html);
    }
    return html;
  };
  const renderLap = (start: number) => (timings.render = (timings.render ?? 0) + (performance.now() - start));

  // First what Astro reads (features, run pages, defects, summary), so a build
  // can start Astro while the pages the generator renders itself are written.
  const featureEntries = tree.nodes
    .filter((node) => node.level !== 'root')
    .map((node) => {
      const { children, coverage, cases: nodeCases } = featureCaseFields(node, cases.byId);
      return { node, nodeCases, entry: featureEntry(node, crumbsFor(node), children, coverage) };
    });
  // One file, not a Markdown entry per node: far less of Astro's memory and time (docs/decisions/content-layout.md).
  await writer.write(FEATURES_FILE, `${JSON.stringify(featureEntries.map(({ entry }) => entry))}\n`);
  const coverage = coveragePageOf(tree, cases, caseInputs, diagnostics);
  const title = config.title;
  const runPages = renderRunPages({ title, run, totals, root: tree.root, diagnostics: diagnostics.list }, options, templates);
  for (const page of [...runPages, renderCoveragePage(runPages[0]!.frontmatter, coverage, templates.coverage)]) {
    await writer.write(`pages/${page.frontmatter.slug}.md`, markdownFile(page.frontmatter, page.body));
  }
  for (const [file, text] of renderDefectPages(run, failures)) await writer.write(file, text);
  const summary = buildSummary(title, run, totals, tree.nodes.length - 1, diagnostics.list, failures.breakdown, failures.categories);
  await writer.write('public/summary.json', `${JSON.stringify(summary, null, 2)}\n`);
  await writer.removeStale((file) => !file.startsWith(`${HTML_PAGES_DIR}/`) && !file.startsWith(`${SITE_FILES_DIR}/`));
  hooks.onSiteContent?.(writer.dir);

  // Then one HTML page per result, written case and feature node, with the
  // results' attachments. A build may take a page itself (to frame it right
  // away); otherwise it waits in the content folder.
  const writtenCases = cases.cases.filter((tc) => tc.written);
  let written = 0;
  const total = run.results.length + writtenCases.length + featureEntries.length;
  const putFile = hooks.takeFile ?? ((from: FileSource, where: string) => writer.copy(from, `${SITE_FILES_DIR}/${where}`));
  const putPage = async (where: string, page: HtmlPage) => {
    if (!(await hooks.takePage?.(where, page))) await writer.write(`${HTML_PAGES_DIR}/${where}.html`, serializeHtmlPage(page));
    if (++written % 1000 === 0) logger.progress(`write: ${written}/${total} pages`);
  };
  await mapConcurrent(run.results, WRITES_IN_FLIGHT, async (result) => {
    const node = tree.nodeOf.get(result.key)!;
    const start = performance.now();
    const defect = failures.defectOf.get(result.key);
    const linked = {
      ...testCaseFields(result, cases.casesOf.get(result.key), cases.byId),
      ...testDefectFields(result, failures),
      ...(defect ? { explanationHtml: explanationOf(defect) } : {}),
    };
    const page = renderTest(result, node, crumbsFor(node), linked, options, htmlTemplates.test);
    renderLap(start);
    await putPage(`tests/${result.slug}`, page);
    for (const { attachment } of attachmentsOf(result)) await putFile(attachment.content !== undefined ? { content: attachment.content } : attachment.path, attachment.href);
  });
  await mapConcurrent(
    writtenCases,
    WRITES_IN_FLIGHT,
    async (tc) => {
      const node = nodeByPath(tc.path)!;
      const start = performance.now();
      const feature = { path: node.path, slug: node.slug, crumbs: crumbsFor(node) };
      const page = renderCase(tc, resultByKey, feature, caseInputs.requirements, { ...options, editUrl: config.editUrl }, htmlTemplates.case);
      renderLap(start);
      await putPage(`cases/${tc.slug}`, page);
    },
  );
  await mapConcurrent(featureEntries, WRITES_IN_FLIGHT, async ({ node, nodeCases, entry }) => {
    const start = performance.now();
    const tests = node.results.map((key) => {
      const r = resultByKey.get(key)!;
      return { slug: r.slug, title: r.name, status: r.status, flaky: r.flaky, durationMs: r.durationMs };
    });
    const page = renderFeature(entry, tests, nodeCases, options, htmlTemplates.feature);
    renderLap(start);
    await putPage(`features/${entry.slug}`, page);
  });
  const outcome = await writer.finish();
  logger.progress(`write: ${outcome.files} files (${outcome.changed} changed, ${outcome.removed} stale removed)`);
  const now = performance.now();
  timings.write = now - clock - (timings.render ?? 0);
  return { run, totals, tree, diagnostics: diagnostics.list, summary, contentDir: writer.dir, timings, cases, coverage, failures };
}
