// Durations and sizes as people read them, the same in the generated Markdown,
// on the site (src/lib/format.ts re-exports these) and in the CLI. No locale.

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
