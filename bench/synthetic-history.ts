// A synthetic history for the benchmark: `runs` earlier runs of the same suite,
// in the format a Casebook site carries (history/index.json), keyed by the
// identities Casebook computes for the given results. Each earlier run keeps
// the test's status with a small chance of a flip and a duration around its own.
// `node bench/synthetic-history.ts --results DIR [--results DIR] --runs 50 --out DIR`
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EMPTY_HISTORY, type History } from '../generator/contract/history.ts';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { silentLogger } from '../generator/lib/logger.ts';
import { appendRun } from '../generator/model/history.ts';
import { totalsOf } from '../generator/model/totals.ts';
import type { Result } from '../generator/model/types.ts';
import { readRun } from '../generator/read/results/results-run.ts';

/** Deterministic 0..1 numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticHistory(resultsDirs: readonly string[], runs: number, out: string, seed = 1): Promise<{ file: string; bytes: number; tests: number }> {
  const run = await readRun(resultsDirs, createDiagnosticList(), silentLogger);
  const next = random(seed);
  let history: History = EMPTY_HISTORY;
  const day = 24 * 3600 * 1000;
  for (let i = runs; i >= 1; i--) {
    const start = run.start - i * day;
    // About 1 test in 200 has another outcome in a given run; a few are missing (added later).
    const results: Result[] = run.results
      .filter(() => next() > 0.002)
      .map((r) => {
        const flip = next() < 0.005;
        const status: Result['status'] = flip ? (r.status === 'passed' ? 'failed' : 'passed') : r.status;
        return { ...r, status, durationMs: Math.round(r.durationMs * (0.8 + next() * 0.4)) };
      });
    history = appendRun(history, { id: String(start), start, stop: start + (run.stop - run.start), totals: totalsOf(results) }, results, runs);
  }
  await mkdir(join(out, 'history'), { recursive: true });
  const file = join(out, 'history', 'index.json');
  const text = `${JSON.stringify(history)}\n`;
  await writeFile(file, text);
  return { file, bytes: Buffer.byteLength(text), tests: Object.keys(history.tests).length };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { results: { type: 'string', multiple: true }, runs: { type: 'string', default: '50' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.results?.length || !values.out) {
    console.error('Usage: node bench/synthetic-history.ts --results DIR [--results DIR ...] --runs 50 --out DIR');
    process.exitCode = 2;
  } else {
    const { file, bytes, tests } = await writeSyntheticHistory(values.results.map((d) => resolve(d)), Number(values.runs), resolve(values.out), Number(values.seed));
    console.error(`history: ${values.runs} runs of ${tests} tests, ${(bytes / 2 ** 20).toFixed(1)} MB in ${file}`);
  }
}
