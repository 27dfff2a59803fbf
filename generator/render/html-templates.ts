// Handlebars templates for the pages the generator renders as HTML (tests and
// cases: one per result, too many to send through Astro one by one). Unlike
// the Markdown templates these escape every `{{value}}`; HTML a view carries
// on purpose (Markdown rendered by micromark, sanitized descriptionHtml) is
// marked with `{{{triple}}}` in the template and built by `markdownHtml` or
// the sanitizer only. A user overrides a template or partial by putting a file
// of the same name in their templates folder.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { stateClass, stateIcon, stateLabel, type CaseState } from '../../src/lib/coverage.ts';
import { defectStatusLabel, driftBadge, kindLabel } from '../../src/lib/defects.ts';
import { statusClass, statusIcon, statusLabel, type Status } from '../../src/lib/status.ts';
import type { TestDefect } from '../contract/defects.ts';
import { bucketLabel, coverageSegments, describeCoverage, type Coverage } from '../../src/lib/coverage.ts';
import { describeTotals, statusSegments, totalsFigures, type Totals } from '../../src/lib/totals.ts';

export const HTML_TEMPLATE_NAMES = ['test', 'case', 'feature'] as const;
export type HtmlTemplateName = (typeof HTML_TEMPLATE_NAMES)[number];
export type HtmlTemplates = Record<HtmlTemplateName, (view: object) => string>;

const DEFAULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

const FLAGS = {
  flaky: { label: 'Flaky', title: 'Passed and failed within recent attempts or runs' },
  known: { label: 'Known issue', title: 'Marked as a known issue by the test' },
  muted: { label: 'Muted', title: 'Muted: its result does not fail the run' },
} as const;

const esc = Handlebars.escapeExpression;
const size = (s: unknown) => (s === 'sm' ? 'sm' : 'md');

/** The site's badges (src/components/*Badge.astro), same classes, same text. */
function registerHelpers(hb: typeof Handlebars) {
  hb.registerHelper('statusBadge', (status: Status, s: unknown) =>
    !status ? '' : new hb.SafeString(
      `<span class="badge status-badge ${esc(statusClass(status))} badge-${size(s)}"><span class="status-icon" aria-hidden="true">${esc(statusIcon(status))}</span>${esc(statusLabel(status))}</span>`,
    ),
  );
  hb.registerHelper('stateBadge', (state: CaseState, s: unknown) =>
    !state ? '' : new hb.SafeString(
      `<span class="badge state-badge ${esc(stateClass(state))} badge-${size(s)}"><span class="status-icon" aria-hidden="true">${esc(stateIcon(state))}</span>${esc(stateLabel(state))}</span>`,
    ),
  );
  hb.registerHelper('flagBadge', (flag: keyof typeof FLAGS, s: unknown) =>
    !FLAGS[flag] ? '' : new hb.SafeString(`<span class="badge flag-${esc(flag)} badge-${size(s)}" title="${esc(FLAGS[flag].title)}">${esc(FLAGS[flag].label)}</span>`),
  );
  hb.registerHelper('defectBadges', (d: Pick<TestDefect, 'status' | 'defectKind' | 'drift'>, s: unknown) => {
    if (!d) return '';
    const drift = driftBadge(d.drift);
    return new hb.SafeString(
      `<span class="badge badge-${size(s)} defect-status-${esc(d.status)}" title="Status of the defect">${esc(defectStatusLabel(d.status))}</span>` +
        `<span class="badge badge-${size(s)} badge-neutral defect-kind-${esc(d.defectKind)}" title="What is broken">${esc(kindLabel(d.defectKind))}</span>` +
        (drift ? `<span class="badge badge-${size(s)} defect-drift-${esc(d.drift)}" title="${esc(drift.title)}">${esc(drift.label)}</span>` : ''),
    );
  });
}

/** A stacked bar as StatusBar.astro and CoverageBar.astro draw it: one segment per non-empty part. */
function barHtml(kind: 'status' | 'coverage', size: unknown, label: string, segments: { className: string; percent: number; title: string }[]): string {
  const block = `${kind}-bar`;
  return (
    `<div class="${block} ${block}-${size === 'lg' ? 'lg' : 'sm'}" role="img" aria-label="${esc(label)}">` +
    segments.map((g) => `<span class="${block}-segment ${esc(g.className)}" style="width:${g.percent.toFixed(3)}%" title="${esc(g.title)}"></span>`).join('') +
    '</div>'
  );
}

/** The site's bars and figures (StatusBar, CoverageBar, TotalsFigures .astro), same markup. */
function registerBars(hb: typeof Handlebars) {
  hb.registerHelper('statusBar', (totals: Totals, size: unknown) =>
    !totals
      ? ''
      : new hb.SafeString(
          barHtml(
            'status',
            size,
            describeTotals(totals),
            statusSegments(totals).map((g) => ({ className: statusClass(g.status), percent: g.percent, title: `${g.count} ${statusLabel(g.status).toLowerCase()}` })),
          ),
        ),
  );
  hb.registerHelper('coverageBar', (coverage: Coverage, size: unknown) =>
    !coverage
      ? ''
      : new hb.SafeString(
          barHtml(
            'coverage',
            size,
            `Coverage: ${describeCoverage(coverage)}`,
            coverageSegments(coverage).map((g) => ({ className: `cov-${g.bucket}`, percent: g.percent, title: `${g.count} ${bucketLabel(g.bucket)}` })),
          ),
        ),
  );
  hb.registerHelper('totalsFigures', (totals: Totals, className: unknown, options: { hash?: { duration?: boolean } }) =>
    !totals
      ? ''
      : new hb.SafeString(
          `<ul class="figures${typeof className === 'string' ? ` ${esc(className)}` : ''}">` +
            totalsFigures(totals, { duration: options?.hash?.duration === true })
              .map((p) => `<li${p.tone ? ` class="text-${esc(p.tone)}"` : ''}>${esc(p.text)}</li>`)
              .join('') +
            '</ul>',
        ),
  );
}

async function templateSource(name: string, overrideDir: string | undefined, subdir = ''): Promise<{ source: string; from: string }> {
  if (overrideDir) {
    const candidate = path.resolve(overrideDir, subdir, name);
    const source = await readFile(candidate, 'utf8').catch(() => undefined);
    if (source !== undefined) return { source, from: candidate };
  }
  const from = path.join(DEFAULTS, subdir, name);
  return { source: await readFile(from, 'utf8'), from };
}

/** Markdown templates of pages that are HTML now: a user's copy of one is no longer used. */
const REPLACED = { 'test.md.hbs': 'test.html.hbs', 'case.md.hbs': 'case.html.hbs', 'feature.md.hbs': 'feature.html.hbs' } as const;

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
  registerBars(hb);
  const partials = (await readdir(path.join(DEFAULTS, 'partials'))).filter((f) => f.endsWith('.html.hbs')).sort();
  for (const file of partials) {
    const { source } = await templateSource(file, overrideDir, 'partials');
    hb.registerPartial(file.replace(/\.html\.hbs$/, ''), source);
  }
  const entries = await Promise.all(
    HTML_TEMPLATE_NAMES.map(async (name) => {
      const { source, from } = await templateSource(`${name}.html.hbs`, overrideDir);
      try {
        const compiled = hb.compile(source, { strict: false, preventIndent: true });
        compiled({}); // surfaces syntax errors (and missing partials) now, with the file name
        return [name, compiled] as const;
      } catch (error) {
        throw new CasebookError(`template ${from} cannot be compiled: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(entries) as HtmlTemplates;
}
