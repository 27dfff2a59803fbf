// Figures → a plain-text table per size, and the medians that go into it.

import type { Tool } from './tools.ts';

export interface RoundFigures {
  round: number;
  ok: boolean;
  /** The machine's 1-minute load average when the round started. */
  loadBefore: number;
  failure?: string;
  /** The last lines the tool printed, kept for failed rounds. */
  outputTail?: string[];
  wallMs: number;
  peakRssBytes: number;
  peakProcesses: number;
  outputBytes: number;
  outputFiles: number;
  /** Casebook only: its own per-stage timings in ms. */
  stages?: Record<string, number>;
  /** Casebook only: the next run's results built into the content folder this round left. */
  rebuildWallMs?: number;
  rebuildFailure?: string;
}

export interface ToolFigures {
  tool: Tool['id'];
  label: string;
  version: string;
  rounds: RoundFigures[];
  /** Medians over the successful rounds; absent when none succeeded. */
  median?: { wallMs: number; peakRssBytes: number; outputBytes: number; outputFiles: number };
  stages?: Record<string, number>;
  /** Median of the rounds' rebuilds (Casebook only). */
  rebuildWallMs?: number;
}

export interface SizeFigures {
  count: number;
  /** What the data is, when not synthetic results of `count` (the real suites). */
  label?: string;
  resultFiles: number;
  inputBytes: number;
  tools: ToolFigures[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function summarize(figures: ToolFigures): ToolFigures {
  const ok = figures.rounds.filter((r) => r.ok);
  if (ok.length === 0) return figures;
  const med = (pick: (r: RoundFigures) => number): number => median(ok.map(pick));
  const out: ToolFigures = {
    ...figures,
    median: { wallMs: med((r) => r.wallMs), peakRssBytes: med((r) => r.peakRssBytes), outputBytes: med((r) => r.outputBytes), outputFiles: med((r) => r.outputFiles) },
  };
  const stageNames = [...new Set(ok.flatMap((r) => Object.keys(r.stages ?? {})))];
  if (stageNames.length) out.stages = Object.fromEntries(stageNames.map((s) => [s, median(ok.flatMap((r) => (r.stages?.[s] !== undefined ? [r.stages[s]] : [])))]));
  const rebuilds = ok.flatMap((r) => (r.rebuildWallMs !== undefined ? [r.rebuildWallMs] : []));
  if (rebuilds.length) out.rebuildWallMs = median(rebuilds);
  return out;
}

const MB = 1024 * 1024;

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: string[]): string => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0))).join('  ').trimEnd();
  return [line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function formatSize(size: SizeFigures): string {
  const rounds = Math.max(...size.tools.map((t) => t.rounds.length));
  const header = ['tool', 'wall s', 'peak RSS MB', 'output MB', 'KB/result', 'files', 'ok rounds'];
  const rows: string[][] = [header];
  const notes: string[] = [];
  for (const t of size.tools) {
    const okRounds = `${t.rounds.filter((r) => r.ok).length}/${t.rounds.length}`;
    for (const r of t.rounds.filter((r) => !r.ok)) notes.push(`${t.label} round ${r.round} failed: ${r.failure ?? '?'}`);
    if (!t.median) {
      rows.push([`${t.label} ${t.version}`, 'FAILED', '-', '-', '-', '-', okRounds]);
      continue;
    }
    const m = t.median;
    rows.push([
      `${t.label} ${t.version}`,
      (m.wallMs / 1000).toFixed(2),
      (m.peakRssBytes / MB).toFixed(0),
      (m.outputBytes / MB).toFixed(1),
      (m.outputBytes / 1024 / size.count).toFixed(1),
      String(Math.round(m.outputFiles)),
      okRounds,
    ]);
  }
  for (const variant of size.tools.filter((t) => t.tool.startsWith('casebook') && t.median)) {
    for (const other of ['allure3', 'allure2'] as const) {
      const o = size.tools.find((t) => t.tool === other)?.median;
      const c = variant.median!;
      if (!o) continue;
      const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
      rows.push([`${variant.tool}/${other}`, ratio(c.wallMs, o.wallMs), ratio(c.peakRssBytes, o.peakRssBytes), ratio(c.outputBytes, o.outputBytes), ratio(c.outputBytes, o.outputBytes), ratio(c.outputFiles, o.outputFiles), '']);
    }
  }
  const lines = [
    `${size.label ?? `N = ${size.count} results`} (${size.resultFiles} result files with retried attempts, ${(size.inputBytes / MB).toFixed(1)} MB of input), median of ${rounds} cold round(s)`,
    table(rows),
    ...notes,
  ];
  for (const variant of size.tools.filter((t) => t.tool.startsWith('casebook') && t.stages)) {
    const stages = variant.stages!;
    const order = ['read', 'link', 'render', 'write', 'astro', 'astroWait', 'frame', 'pagefind'];
    const names = [...order.filter((s) => s in stages), ...Object.keys(stages).filter((s) => !order.includes(s))];
    lines.push(`${variant.label} stages (median s): ${names.map((s) => `${s} ${((stages[s] ?? 0) / 1000).toFixed(2)}`).join(', ')}`);
  }
  for (const variant of size.tools.filter((t) => t.tool.startsWith('casebook') && t.median)) {
    for (const r of variant.rounds.filter((r) => r.rebuildFailure)) lines.push(`${variant.label} round ${r.round} rebuild failed: ${r.rebuildFailure}`);
    if (variant.rebuildWallMs === undefined) continue;
    const cold = variant.median!.wallMs;
    const saved = ((cold - variant.rebuildWallMs) / cold) * 100;
    lines.push(
      `${variant.label} rebuild (next run's results, same cases and defects, content folder kept, empty site folder): ${(variant.rebuildWallMs / 1000).toFixed(2)} s vs ${(cold / 1000).toFixed(2)} s cold (${saved >= 0 ? `${saved.toFixed(0)}% faster` : `${(-saved).toFixed(0)}% slower`})`,
    );
  }
  return lines.join('\n');
}
