// Status names, labels and ordering for display. Colours live in CSS
// (`--status-<name>`); components use `statusClass` to pick them.
import type { Status } from '../collections.ts';

export type { Status };

/** Display order: the statuses a reader must act on first. */
export const STATUS_ORDER: readonly Status[] = ['failed', 'broken', 'unknown', 'skipped', 'passed'];

/** Order of segments in a stacked bar and of the overview cards: good news first. */
export const BAR_ORDER: readonly Status[] = ['passed', 'failed', 'broken', 'skipped', 'unknown'];

const LABELS: Record<Status, string> = {
  passed: 'Passed',
  failed: 'Failed',
  broken: 'Broken',
  skipped: 'Skipped',
  unknown: 'Unknown',
};

const ICONS: Record<Status, string> = {
  passed: '✓',
  failed: '✕',
  broken: '!',
  skipped: '–',
  unknown: '?',
};

export function statusLabel(status: Status): string {
  return LABELS[status];
}

/** A short glyph so status never depends on colour alone. */
export function statusIcon(status: Status): string {
  return ICONS[status];
}

export function statusClass(status: Status): string {
  return `status-${status}`;
}

export function statusRank(status: Status): number {
  return STATUS_ORDER.indexOf(status);
}

const LEVEL_LABELS: Record<string, string> = { root: 'All features', epic: 'Epic', feature: 'Feature', story: 'Story' };

export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level;
}
