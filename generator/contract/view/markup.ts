// The small pieces of markup both the Astro pages (through the components in
// src/components) and the pages the generator renders (through its handlebars
// helpers) show: badges, stacked bars, figure lists. One source, so a test page
// and the overview draw the same badge; every value is escaped here.
import type { TestDefect } from '../defects.ts';
import { bucketLabel, coverageSegments, describeCoverage, stateClass, stateIcon, stateLabel, type CaseState, type Coverage } from './coverage.ts';
import { defectStatusLabel, driftBadge, kindLabel } from './defects.ts';
import { statusClass, statusIcon, statusLabel, type Status } from './status.ts';
import { describeTotals, statusSegments, totalsFigures, type Totals } from './totals.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

export type BadgeSize = 'sm' | 'md';
export type BarSize = 'sm' | 'lg';

export function statusBadgeHtml(status: Status, size: BadgeSize = 'md'): string {
  return `<span class="badge status-badge ${escapeHtml(statusClass(status))} badge-${size}"><span class="status-icon" aria-hidden="true">${escapeHtml(statusIcon(status))}</span>${escapeHtml(statusLabel(status))}</span>`;
}

export function stateBadgeHtml(state: CaseState, size: BadgeSize = 'md'): string {
  return `<span class="badge state-badge ${escapeHtml(stateClass(state))} badge-${size}"><span class="status-icon" aria-hidden="true">${escapeHtml(stateIcon(state))}</span>${escapeHtml(stateLabel(state))}</span>`;
}

export const FLAGS = {
  flaky: { label: 'Flaky', title: 'Passed and failed within recent attempts or runs' },
  known: { label: 'Known issue', title: 'Marked as a known issue by the test' },
  muted: { label: 'Muted', title: 'Muted: its result does not fail the run' },
} as const;
export type Flag = keyof typeof FLAGS;

/** Flaky / known / muted markers next to a status. */
export function flagBadgeHtml(flag: Flag, size: BadgeSize = 'md'): string {
  return `<span class="badge flag-${flag} badge-${size}" title="${escapeHtml(FLAGS[flag].title)}">${escapeHtml(FLAGS[flag].label)}</span>`;
}

/** A known defect's status, kind and drift (regression / not seen in this run). */
export function defectBadgesHtml(d: Pick<TestDefect, 'status' | 'defectKind' | 'drift'>, size: BadgeSize = 'md'): string {
  const drift = driftBadge(d.drift);
  return (
    `<span class="badge badge-${size} defect-status-${escapeHtml(d.status)}" title="Status of the defect">${escapeHtml(defectStatusLabel(d.status))}</span>` +
    `<span class="badge badge-${size} badge-neutral defect-kind-${escapeHtml(d.defectKind)}" title="What is broken">${escapeHtml(kindLabel(d.defectKind))}</span>` +
    (drift ? `<span class="badge badge-${size} defect-drift-${escapeHtml(d.drift)}" title="${escapeHtml(drift.title)}">${escapeHtml(drift.label)}</span>` : '')
  );
}

function barHtml(kind: 'status' | 'coverage', size: BarSize, label: string, segments: { className: string; percent: number; title: string }[]): string {
  const block = `${kind}-bar`;
  return (
    `<div class="${block} ${block}-${size}" role="img" aria-label="${escapeHtml(label)}">` +
    segments.map((g) => `<span class="${block}-segment ${escapeHtml(g.className)}" style="width:${g.percent.toFixed(3)}%" title="${escapeHtml(g.title)}"></span>`).join('') +
    '</div>'
  );
}

/** Tests by status as one stacked bar, with its text alternative. */
export function statusBarHtml(totals: Totals, size: BarSize = 'sm'): string {
  const segments = statusSegments(totals).map((g) => ({ className: statusClass(g.status), percent: g.percent, title: `${g.count} ${statusLabel(g.status).toLowerCase()}` }));
  return barHtml('status', size, describeTotals(totals), segments);
}

/** Cases by coverage: automated passing / failing / skipped, not run, manual. */
export function coverageBarHtml(coverage: Coverage, size: BarSize = 'sm'): string {
  const segments = coverageSegments(coverage).map((g) => ({ className: `cov-${g.bucket}`, percent: g.percent, title: `${g.count} ${bucketLabel(g.bucket)}` }));
  return barHtml('coverage', size, `Coverage: ${describeCoverage(coverage)}`, segments);
}

/** "3 tests · 66.7% passed · 1 failing" as a list, failing and flaky parts tinted. */
export function totalsFiguresHtml(totals: Totals, options: { duration?: boolean; className?: string } = {}): string {
  const items = totalsFigures(totals, { duration: options.duration }).map((p) => `<li${p.tone ? ` class="text-${p.tone}"` : ''}>${escapeHtml(p.text)}</li>`);
  return `<ul class="figures${options.className ? ` ${escapeHtml(options.className)}` : ''}">${items.join('')}</ul>`;
}

/** One run of a test's history strip: its status (or "none": not in that run) and its words (status, date, duration). */
export interface StripCell {
  status: Status | 'none';
  label: string;
}

/**
 * A test's recent runs, oldest first, as small squares (colour and glyph), each
 * with its words on hover; screen readers get one sentence instead of a cell each.
 * Compact on purpose: it is on every test page.
 */
const SAFE_LABEL = /^[\w ·:,.-]*$/;
/** One letter per status in the strip's class names (h-p, h-f, …): the strip is on every test page. */
const STRIP_CLASS: Record<StripCell['status'], string> = { passed: 'p', failed: 'f', broken: 'b', skipped: 's', unknown: 'u', none: 'n' };

export function historyStripHtml(cells: readonly StripCell[]): string {
  if (!cells.length) return '';
  const counts = new Map<string, number>();
  let items = '';
  for (const c of cells) {
    counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
    // Casebook's own words (a status, a date, a duration): nothing to escape, on purpose checked cheaply.
    items += `<li class="h-${STRIP_CLASS[c.status]}" title="${SAFE_LABEL.test(c.label) ? c.label : escapeHtml(c.label)}">${c.status === 'none' ? '·' : statusIcon(c.status)}</li>`;
  }
  const said = [...counts].map(([status, n]) => `${n} ${status === 'none' ? 'not run' : statusLabel(status as Status).toLowerCase()}`).join(', ');
  return `<span class="history-strip"><ol aria-hidden="true">${items}</ol><span class="visually-hidden">Last ${cells.length} runs: ${escapeHtml(said)}; the latest ${escapeHtml(cells.at(-1)!.label)}</span></span>`;
}
