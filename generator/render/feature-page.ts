// One node of the feature tree → its page, rendered as HTML like test pages
// (see test-page.ts), and the small collection entry the site's nav and
// features index read (no test lists: those are only on the node's own page).
import type { FeatureEntry, TestRef } from '../contract/collections.ts';
import type { CaseRef } from '../contract/coverage.ts';
import type { HtmlPage } from '../contract/frame.ts';
import type { FeatureNode } from '../model/types.ts';
import { caseRefHref } from '../contract/view/case-urls.ts';
import { coverageFigures, sortCases } from '../contract/view/coverage.ts';
import { activeSlugs, featureTrail } from '../contract/view/crumbs.ts';
import { featureFilters } from '../contract/view/search-filters.ts';
import { sortTests } from '../contract/view/sort.ts';
import { levelLabel } from '../contract/view/status.ts';
import { featureHref, testHref } from '../contract/view/urls.ts';
import { formatDuration } from '../contract/view/format.ts';
import type { Crumbs, RenderOptions } from './test-page.ts';

export function featureEntry(node: FeatureNode, crumbs: Crumbs, children: FeatureEntry['children'], coverage: FeatureEntry['coverage']): FeatureEntry {
  return {
    kind: 'feature',
    slug: node.slug,
    title: node.title,
    path: node.path,
    level: node.level,
    source: node.source,
    crumbs,
    totals: node.totals,
    children,
    ...(coverage ? { coverage } : {}),
  };
}

export function renderFeature(
  entry: FeatureEntry,
  tests: readonly TestRef[],
  cases: readonly CaseRef[],
  options: RenderOptions,
  template: (view: object) => string,
): HtmlPage {
  const { base } = options;
  const coverage = entry.coverage && entry.coverage.total > 0 ? entry.coverage : undefined;
  const view = {
    title: entry.title,
    level: levelLabel(entry.level),
    filters: featureFilters(entry),
    crumbs: featureTrail(base, entry.crumbs, entry),
    totals: entry.totals,
    children: entry.children.map((c) => ({
      ...c,
      href: featureHref(base, c.slug),
      level: levelLabel(c.level),
      coverage: c.coverage && c.coverage.total > 0 ? c.coverage : undefined,
      coverageFigures: c.coverage ? coverageFigures(c.coverage).join(' · ') : '',
    })),
    coverage,
    coverageFigures: coverage ? coverageFigures(coverage).join(' · ') : '',
    cases: sortCases(cases).map((c) => ({ ...c, href: caseRefHref(base, c), id: c.href === 'cases' ? c.id : '—' })),
    testsHeading: entry.children.length > 0 ? `Tests directly in ${entry.title}` : 'Tests',
    tests: sortTests(tests).map((t) => ({ ...t, href: testHref(base, t.slug), duration: formatDuration(t.durationMs) })),
  };
  return { title: entry.title, navOpen: [...activeSlugs(entry.crumbs, entry.slug)], navCurrent: entry.slug, html: template(view) };
}
