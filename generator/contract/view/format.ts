// Durations, sizes, numbers and times as people read them, the same in the
// generated pages, on the site and in the command line. Output must not depend
// on the machine that builds the site (no locale, no local time zone).

/** 0 ms, 840 ms, 3.2 s, 12 s, 4 min 05 s, 1 h 02 min. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 10) return `${trimZero(seconds.toFixed(1))} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const totalSeconds = Math.round(seconds);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const secs = totalSeconds % 60;
  if (hours > 0) return `${hours} h ${pad2(minutes)} min`;
  return `${minutes} min ${pad2(secs)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${trimZero((bytes / 1024).toFixed(1))} KiB`;
  return `${trimZero((bytes / (1024 * 1024)).toFixed(1))} MiB`;
}

export function trimZero(text: string): string {
  return text.replace(/\.0$/, '');
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A fraction 0..1 as a percentage with one decimal: 100%, 66.7%, 0%.
 * Anything short of all (or above none) never rounds to 100% (or 0%).
 */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '–';
  const pct = Math.min(Math.max(fraction, 0), 1) * 100;
  if (pct === 100 || pct === 0) return `${pct}%`;
  const rounded = Math.min(Math.max(Math.round(pct * 10) / 10, 0.1), 99.9);
  return `${trimZero(rounded.toFixed(1))}%`;
}

/** Epoch milliseconds as `2025-11-20 09:30 UTC`; '' for a missing time. */
export function formatDateTime(epochMs: number): string {
  if (!Number.isFinite(epochMs) || epochMs <= 0) return '';
  const iso = new Date(epochMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** Machine-readable form for `<time datetime>`. */
export function isoDateTime(epochMs: number): string {
  return Number.isFinite(epochMs) && epochMs > 0 ? new Date(epochMs).toISOString() : '';
}

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

