// Handlebars templates for the pages the generator renders as HTML (tests and
// cases: one per result, too many to send through Astro one by one). Unlike
// the Markdown templates these escape every `{{value}}`; HTML a view carries
// on purpose (Markdown rendered by micromark, sanitized descriptionHtml) is
// marked with `{{{triple}}}` in the template and built by `markdownHtml` or
// the sanitizer only. A user overrides a template or partial by putting a file
// of the same name in their templates folder.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import { compileTemplate, defaultTemplateFiles, templateSource } from './templates.ts';
import type { CaseState, Coverage } from '../contract/view/coverage.ts';
import type { Status } from '../contract/view/status.ts';
import type { Totals } from '../contract/view/totals.ts';
import {
  coverageBarHtml,
  defectBadgesHtml,
  FLAGS,
  flagBadgeHtml,
  historyStripHtml,
  type StripCell,
  stateBadgeHtml,
  statusBadgeHtml,
  statusBarHtml,
  totalsFiguresHtml,
  type BadgeSize,
  type BarSize,
  type Flag,
} from '../contract/view/markup.ts';
import type { TestDefect } from '../contract/defects.ts';
import { UNINDEXED_MARKERS } from '../contract/search.ts';

export const HTML_TEMPLATE_NAMES = ['test', 'case', 'feature', 'changes', 'flaky', 'unexplained', 'rejected', 'defect'] as const;
export type HtmlTemplateName = (typeof HTML_TEMPLATE_NAMES)[number];
export type HtmlTemplates = Record<HtmlTemplateName, (view: object) => string>;

const badge = (s: unknown): BadgeSize => (s === 'sm' ? 'sm' : 'md');
const bar = (s: unknown): BarSize => (s === 'lg' ? 'lg' : 'sm');

/** The site's badges, bars and figures (src/lib/markup.ts, as its components draw them). */
function registerHelpers(hb: typeof Handlebars) {
  const html = (text: string) => new hb.SafeString(text);
  hb.registerHelper('statusBadge', (status: Status, s: unknown) => (status ? html(statusBadgeHtml(status, badge(s))) : ''));
  hb.registerHelper('stateBadge', (state: CaseState, s: unknown) => (state ? html(stateBadgeHtml(state, badge(s))) : ''));
  hb.registerHelper('flagBadge', (flag: Flag, s: unknown) => (Object.hasOwn(FLAGS, flag) ? html(flagBadgeHtml(flag, badge(s))) : ''));
  hb.registerHelper('defectBadges', (d: Pick<TestDefect, 'status' | 'defectKind' | 'drift'>, s: unknown) => (d ? html(defectBadgesHtml(d, badge(s))) : ''));
  hb.registerHelper('statusBar', (totals: Totals, s: unknown) => (totals ? html(statusBarHtml(totals, bar(s))) : ''));
  hb.registerHelper('historyStrip', (cells: StripCell[]) => (Array.isArray(cells) ? html(historyStripHtml(cells)) : ''));
  hb.registerHelper('coverageBar', (coverage: Coverage, s: unknown) => (coverage ? html(coverageBarHtml(coverage, bar(s))) : ''));
  hb.registerHelper('totalsFigures', (totals: Totals, className: unknown, options: { hash?: { duration?: boolean } }) =>
    totals ? html(totalsFiguresHtml(totals, { duration: options?.hash?.duration === true, className: typeof className === 'string' ? className : undefined })) : '',
  );
  // {{#unindexed}}…{{/unindexed}}, directly inside an element marked
  // data-pagefind-ignore: shown on the page, and left out of the page's search
  // page (contract/search.ts), so Pagefind does not parse what it would ignore.
  // Pagefind still reads filters and meta inside ignored content: a block
  // holding any stays in the search page.
  hb.registerHelper('unindexed', function (this: unknown, options: Handlebars.HelperOptions) {
    const inner = options.fn(this);
    return html(inner.includes('data-pagefind-') ? inner : UNINDEXED_MARKERS.start + inner + UNINDEXED_MARKERS.end);
  });
}

/** Markdown templates of pages that are HTML now: a user's copy of one is no longer used. */
const REPLACED = { 'test.md.hbs': 'test.html.hbs', 'case.md.hbs': 'case.html.hbs', 'feature.md.hbs': 'feature.html.hbs', 'rejected.md.hbs': 'rejected.html.hbs' } as const;

/** The user's templates that nothing reads any more, with what replaced each. */
export async function obsoleteTemplates(overrideDir: string | undefined): Promise<{ file: string; replacedBy: string }[]> {
  if (!overrideDir) return [];
  const names = new Set(await readdir(overrideDir).catch(() => [] as string[]));
  return Object.entries(REPLACED)
    .filter(([old]) => names.has(old))
    .map(([old, replacedBy]) => ({ file: path.join(overrideDir, old), replacedBy }));
}

export async function loadHtmlTemplates(overrideDir?: string): Promise<HtmlTemplates> {
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const file of await defaultTemplateFiles('partials', '.html.hbs')) {
    hb.registerPartial(file.replace(/\.html\.hbs$/, ''), (await templateSource(file, overrideDir, 'partials')).source);
  }
  const entries = await Promise.all(HTML_TEMPLATE_NAMES.map(async (name) => [name, compileTemplate(hb, await templateSource(`${name}.html.hbs`, overrideDir), { preventIndent: true })] as const));
  return Object.fromEntries(entries) as HtmlTemplates;
}
