// The run-wide pages Astro renders: the overview and the features index.
import { pluralize } from '../contract/view/format.ts';
import { featureHref } from '../contract/view/urls.ts';
import type { ListItem } from 'mdast';
import type { PageEntry, TrendPoint } from '../contract/collections.ts';
import { type Diagnostic, rejectedOf } from '../diagnostics/diagnostic.ts';
import type { FeatureNode, Run, RunTotals } from '../model/types.ts';
import { passRate } from '../model/totals.ts';
import { formatDuration } from '../contract/view/format.ts';
import { code, inlineCode, link, list, listItem, paragraph, safeUrl, stringify, text } from '../markdown/fragments.ts';
import type { RenderedPage, RenderOptions } from './test-page.ts';

export interface RunPagesInput {
  title: string;
  run: Run;
  totals: RunTotals;
  root: FeatureNode;
  diagnostics: readonly Diagnostic[];
  /** The runs of the history (this one last), for the overview's trend. */
  trend?: TrendPoint[];
}

/** Shards of one CI build carry the same executor.json: show it once. */
function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

function countsLine(t: RunTotals): string {
  const parts = [pluralize(t.total, 'test'), `${t.passed} passed`];
  for (const s of ['failed', 'broken', 'skipped', 'unknown'] as const) if (t[s]) parts.push(`${t[s]} ${s}`);
  if (t.flaky) parts.push(`${t.flaky} flaky`);
  return parts.join(' · ');
}

function treeList(nodes: readonly FeatureNode[], base: string): ListItem[] {
  return nodes.map((n) =>
    listItem([
      paragraph(link(featureHref(base, n.slug), text(n.title)), text(` — ${countsLine(n.totals)}`)),
      ...(n.children.length ? [list(treeList(n.children, base))] : []),
    ]),
  );
}

export function renderRunPages(input: RunPagesInput, options: RenderOptions, templates: Record<'overview' | 'features', (view: object) => string>): RenderedPage<PageEntry>[] {
  const { run, totals, root, diagnostics } = input;
  const rejected = rejectedOf(diagnostics);
  const common = {
    kind: 'page' as const,
    runTitle: input.title,
    totals,
    passRate: passRate(totals),
    start: run.start,
    stop: run.stop,
    environment: run.environment,
    executors: uniqueBy(
      run.executors.map((e) => ({ name: e.name, type: e.type, buildName: e.buildName, buildUrl: safeUrl(e.buildUrl) ? e.buildUrl : '' })),
      (e) => JSON.stringify(e),
    ),
    features: root.children.map((c) => ({ slug: c.slug, title: c.title, level: c.level, totals: c.totals, coverage: c.coverage })),
    rejected,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
  const base = options.base;
  const overviewView = {
    base,
    summary: stringify([paragraph(text(`${countsLine(totals)} · pass rate ${passRate(totals)}% · ${formatDuration(Math.max(0, run.stop - run.start))} wall time`))]),
    shards: run.shards.length > 1 ? stringify([paragraph(text(`Merged from ${run.shards.length} results folders: `), ...run.shards.flatMap((s, i) => [...(i ? [text(', ')] : []), inlineCode(s)]))]) : '',
    globalErrors: stringify(
      run.globalErrors.flatMap((e) => [paragraph(inlineCode(e.file)), code(e.trace && !e.trace.includes(e.message) ? `${e.message}\n${e.trace}` : e.trace || e.message)]),
    ),
    rejectedCount: rejected.length,
    rejectedLink: rejected.length ? stringify([paragraph(link(`${base}rejected/`, text(`${rejected.length} input file(s) or part(s) were rejected — see why`)))]) : '',
  };
  const featuresView = { base, tree: stringify(root.children.length ? [list(treeList(root.children, base))] : []) };
  return [
    { frontmatter: { ...common, slug: 'overview', title: input.title, ...(input.trend && input.trend.length > 1 ? { trend: input.trend } : {}) }, body: templates.overview(overviewView) },
    { frontmatter: { ...common, slug: 'features', title: 'Features' }, body: templates.features(featuresView) },
  ];
}
