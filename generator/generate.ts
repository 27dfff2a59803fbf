// generate(): read → link → render → write, each stage a module with typed
// input and output. The content folder it writes is what the Astro site reads;
// `build()` then runs Astro and Pagefind.
import type { Summary } from './contract/collections.ts';
import type { CoveragePage } from './contract/coverage.ts';
import type { HtmlPage } from './contract/frame.ts';
import type { CasebookConfig } from './config/schema.ts';
import { splitBaseUrl } from './config/schema.ts';
import type { Diagnostic } from './diagnostics/diagnostic.ts';
import { createDiagnosticList } from './diagnostics/diagnostic.ts';
import type { Logger, Timings } from './lib/logger.ts';
import { silentLogger } from './lib/logger.ts';
import type { LinkedCases } from './link/cases.ts';
import type { FailureLink } from './link/failures.ts';
import type { FeatureTree } from './link/feature-tree.ts';
import { linkRun, type RunHistory } from './link/link-run.ts';
import type { FeatureNode, Run, RunTotals } from './model/types.ts';
import { readInputs } from './read/inputs.ts';
import { loadPageTemplates } from './render/page-templates.ts';
import { crumbsOf } from './render/test-page.ts';
import { openContentWriter, type FileSource } from './write/content-folder.ts';
import { writePages } from './write/pages.ts';
import { writeSiteContent } from './write/site-content.ts';

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
  /** This run against the history (--history): the diff, and the history the site publishes. */
  history: RunHistory;
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
  const timed = async <T>(stage: 'read' | 'link', work: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const value = await work();
    timings[stage] = performance.now() - start;
    return value;
  };

  const inputs = await timed('read', () => readInputs(config, diagnostics, logger));
  const linked = await timed('link', () => linkRun(inputs, diagnostics, { limit: config.historyLimit, append: config.historyAppend }));

  // render + write: first what Astro reads, so a build can start Astro; then
  // the generator's own pages, one at a time so memory stays flat.
  const writing = performance.now();
  const options = { base: splitBaseUrl(config.baseUrl).base, linkPatterns: config.links, editUrl: config.editUrl };
  const templates = await loadPageTemplates(config.templates, diagnostics);
  // Every page shows its node's trail: one per node, not one per page.
  const crumbsByNode = new Map(linked.tree.nodes.map((n) => [n, crumbsOf(n, linked.nodeByPath)]));
  const crumbsFor = (node: FeatureNode) => crumbsByNode.get(node)!;
  const writer = await openContentWriter(config.content);
  const content = await writeSiteContent(linked, { title: config.title, options, templates, crumbsFor, writer, diagnostics });
  hooks.onSiteContent?.(writer.dir);
  const rendered = (ms: number) => (timings.render = (timings.render ?? 0) + ms);
  await writePages(linked, content.featureEntries, { options, templates, crumbsFor, writer, sinks: hooks, logger, rendered, diagnostics: diagnostics.list });
  const outcome = await writer.finish();
  logger.progress(`write: ${outcome.files} files (${outcome.changed} changed, ${outcome.removed} stale removed)`);
  timings.write = performance.now() - writing - (timings.render ?? 0);

  const { run, totals, tree, cases, failures } = linked;
  return { run, totals, tree, diagnostics: diagnostics.list, summary: content.summary, contentDir: writer.dir, timings, cases, coverage: content.coverage, failures, history: linked.runHistory };
}
