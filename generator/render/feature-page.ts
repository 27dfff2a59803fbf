// One node of the feature tree → its page.
import type { FeatureEntry, TestRef } from '../contract/collections.ts';
import type { FeatureNode } from '../model/types.ts';
import { formatDuration } from './format.ts';
import { link, paragraph, stringify, table, text } from './markdown.ts';
import { STATUS_ICON } from './steps.ts';
import type { RenderedPage, RenderOptions } from './test-page.ts';

export function testsTable(tests: readonly TestRef[], base: string): string {
  if (tests.length === 0) return '';
  return stringify([
    table(
      ['Status', 'Test', 'Duration'],
      tests.map((t) => [
        text(`${STATUS_ICON[t.status]} ${t.status}${t.flaky ? ' (flaky)' : ''}`),
        link(`${base}tests/${t.slug}/`, text(t.title.replace(/\s*\n\s*/g, ' '))),
        text(formatDuration(t.durationMs)),
      ]),
    ),
  ]);
}

export function renderFeature(
  node: FeatureNode,
  crumbs: { title: string; slug: string }[],
  tests: TestRef[],
  options: RenderOptions,
  template: (view: object) => string,
): RenderedPage<FeatureEntry> {
  const frontmatter: FeatureEntry = {
    kind: 'feature',
    slug: node.slug,
    title: node.title,
    path: node.path,
    level: node.level,
    source: node.source,
    crumbs,
    totals: node.totals,
    children: node.children.map((c) => ({ slug: c.slug, title: c.title, level: c.level, totals: c.totals })),
    tests,
  };
  const view = {
    base: options.base,
    title: stringify([paragraph(text(node.title))]),
    tests: testsTable(tests, options.base),
    totals: node.totals,
  };
  return { frontmatter, body: template(view) };
}
