// Allure's own history, read as a Casebook history so a team that switches keeps
// its trends: Allure Report 2's history/ folder (history.json: up to 20 items per
// test by historyId; history-trend.json: totals per build, newest first) and
// Allure Report 3's history.jsonl (one line per run, oldest first). Both key
// tests by Allure's historyId; the link stage gives each the identity of the
// current result with that historyId (FOREIGN_KEY_PREFIX).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { EMPTY_HISTORY, FOREIGN_KEY_PREFIX, type History, type HistoryRun, type HistoryTest, NOT_RUN, STRIP_CODES } from '../../contract/history.ts';
import { STATUSES, type Status } from '../../contract/status.ts';


const code = (status: unknown): string => (typeof status === 'string' && (STATUSES as readonly string[]).includes(status) ? STRIP_CODES[status as Status] : STRIP_CODES.unknown);
const emptyTotals = () => ({ total: 0, passed: 0, failed: 0, broken: 0, skipped: 0, unknown: 0, flaky: 0, durationMs: 0 });

const allure2Item = z.object({ status: z.string().optional(), time: z.object({ start: z.number().optional(), stop: z.number().optional(), duration: z.number().optional() }).partial().optional() });
const allure2History = z.record(z.string(), z.object({ items: z.array(allure2Item).max(1000) }));
const allure2Trend = z.array(z.object({ buildOrder: z.number().optional(), data: z.record(z.string(), z.number()).optional() })).max(1000);

/** Allure 2's history.json (and history-trend.json when there is one) → a history of its runs, oldest first. */
export function fromAllure2(historyJson: unknown, trendJson: unknown): History {
  const tests = allure2History.parse(historyJson);
  const trend = trendJson === undefined ? [] : allure2Trend.parse(trendJson);
  const depth = Math.max(trend.length, ...Object.values(tests).map((t) => t.items.length), 0);
  if (depth === 0) return EMPTY_HISTORY;
  // Newest first in Allure's files; position p is the p-th latest build.
  const runs: HistoryRun[] = [];
  for (let p = depth - 1; p >= 0; p--) {
    const totals = emptyTotals();
    let start = Number.POSITIVE_INFINITY;
    let stop = 0;
    for (const t of Object.values(tests)) {
      const item = t.items[p];
      if (!item) continue;
      start = Math.min(start, item.time?.start ?? start);
      stop = Math.max(stop, item.time?.stop ?? 0);
    }
    const data = trend[p]?.data;
    for (const s of STATUSES) totals[s] = data?.[s] ?? Object.values(tests).filter((t) => t.items[p] && code(t.items[p]!.status) === STRIP_CODES[s]).length;
    totals.total = data?.total ?? STATUSES.reduce((n, s) => n + totals[s], 0);
    if (!Number.isFinite(start)) start = stop;
    totals.durationMs = Math.max(0, stop - start);
    runs.push({ id: `allure2-${trend[p]?.buildOrder ?? depth - p}`, start, stop, totals });
  }
  const out: Record<string, HistoryTest> = {};
  for (const [historyId, t] of Object.entries(tests)) {
    let strip = '';
    const durations: (number | null)[] = [];
    for (let p = depth - 1; p >= 0; p--) {
      const item = t.items[p];
      strip += item ? code(item.status) : NOT_RUN;
      durations.push(item?.time?.duration ?? null);
    }
    out[`${FOREIGN_KEY_PREFIX}${historyId}`] = { name: '', fullName: '', strip, durations };
  }
  return { ...EMPTY_HISTORY, runs, tests: out };
}

const allure3Line = z.object({
  uuid: z.string().optional(),
  timestamp: z.number(),
  testResults: z.record(z.string(), z.object({ name: z.string().optional(), fullName: z.string().optional(), status: z.string().optional(), start: z.number().optional(), stop: z.number().optional(), duration: z.number().optional() })),
});

/** Allure 3's history.jsonl → a history of its last `limit` runs; lines it cannot read are counted, not fatal. */
export async function fromAllure3(file: string, limit: number): Promise<{ history: History; badLines: number }> {
  const lines: z.infer<typeof allure3Line>[] = [];
  let badLines = 0;
  const reader = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of reader) {
    if (!line.trim()) continue;
    let parsed: ReturnType<typeof allure3Line.safeParse>;
    try {
      parsed = allure3Line.safeParse(JSON.parse(line));
    } catch {
      badLines++;
      continue;
    }
    if (!parsed.success) {
      badLines++;
      continue;
    }
    lines.push(parsed.data);
    // Only the last runs are kept: a history.jsonl has no bound of its own.
    if (lines.length > limit) lines.shift();
  }
  const runs: HistoryRun[] = [];
  const tests: Record<string, HistoryTest> = {};
  for (const [i, line] of lines.entries()) {
    const totals = emptyTotals();
    let stop = 0;
    // The run's own time is its tests' (the line's timestamp is when the report was generated).
    let start = Number.POSITIVE_INFINITY;
    for (const [historyId, r] of Object.entries(line.testResults)) {
      if (r.start !== undefined) start = Math.min(start, r.start);
      const c = code(r.status);
      const status = STATUSES.find((s) => STRIP_CODES[s] === c)!;
      totals[status]++;
      totals.total++;
      stop = Math.max(stop, r.stop ?? 0);
      const key = `${FOREIGN_KEY_PREFIX}${historyId}`;
      const test = tests[key] ?? { name: r.name ?? '', fullName: r.fullName ?? '', strip: NOT_RUN.repeat(i), durations: Array<null>(i).fill(null) };
      tests[key] = test;
      test.strip = test.strip.padEnd(i, NOT_RUN) + c;
      test.durations = [...test.durations, ...Array<null>(Math.max(0, i - test.durations.length)).fill(null), r.duration ?? null];
      test.name = r.name ?? test.name;
      test.fullName = r.fullName ?? test.fullName;
    }
    if (!Number.isFinite(start)) start = line.timestamp;
    if (stop === 0) stop = start;
    runs.push({ id: line.uuid ?? `allure3-${i + 1}`, start, stop, totals: { ...totals, durationMs: Math.max(0, stop - start) } });
  }
  for (const test of Object.values(tests)) {
    test.strip = test.strip.padEnd(runs.length, NOT_RUN);
    test.durations = [...test.durations, ...Array<null>(Math.max(0, runs.length - test.durations.length)).fill(null)];
  }
  return { history: { ...EMPTY_HISTORY, runs, tests }, badLines };
}
