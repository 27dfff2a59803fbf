// Synthetic Allure results for the benchmark: `node bench/synthetic.ts --count N --out DIR
// [--seed S] [--shards K]`. Same arguments, byte-identical output.

import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Status } from './synthetic/allure-types.ts';
import type { DefectSpec, WrittenCase } from './synthetic/documents.ts';
import { caseFile, caseOf, categoriesFile, defectFile, environmentFile, executorFile, manualCase } from './synthetic/documents.ts';
import type { ErrorSignature, FailureStatus } from './synthetic/errors.ts';
import { errorSignatures } from './synthetic/errors.ts';
import { planStories, shuffle } from './synthetic/plan.ts';
import type { Random } from './synthetic/random.ts';
import { createRandom } from './synthetic/random.ts';
import { runTestFile } from './synthetic/results.ts';
import type { SuiteCounters } from './synthetic/suite.ts';
import { makeTestFile } from './synthetic/suite.ts';
import { createWriteQueue } from './synthetic/write-queue.ts';

export const generatorVersion = 1;

export interface SyntheticOptions {
  count: number;
  out: string;
  seed: string;
  shards: number;
  /**
   * Which CI run of the same suite (default 1): the same tests, cases and
   * story tree, but other outcomes, times and uuids, a day later. Run 2 is a
   * rebuild's input ("only the results changed").
   */
  run?: number;
}

export interface SyntheticManifest {
  generator: 'casebook-bench-synthetic';
  version: number;
  seed: string;
  /** Which CI run of the suite (absent in data from before runs existed: 1). */
  run?: number;
  count: number;
  shards: number;
  /** Folders of Allure results, relative to the output folder. */
  resultsDirs: string[];
  files: { results: number; attempts: number; containers: number; attachments: number; cases: number; defects: number };
  statuses: Record<Status, number>;
  bytes: number;
}

// 2026-01-01T09:00:00Z: a fixed run start, so output does not depend on the clock.
const runStart = 1767258000000;
const workersPerShard = 8;

export async function generateSynthetic(options: SyntheticOptions): Promise<SyntheticManifest> {
  const { count, seed, shards } = options;
  const runNumber = options.run ?? 1;
  const start = runStart + (runNumber - 1) * 86_400_000;
  const out = resolve(options.out);
  const r = createRandom(seed);
  const queue = createWriteQueue(64);
  const resultsDirs = shards === 1 ? ['allure-results'] : Array.from({ length: shards }, (_, i) => `allure-results-${i + 1}`);
  const statuses: Record<Status, number> = { passed: 0, failed: 0, broken: 0, skipped: 0 };
  const files = { results: 0, attempts: 0, containers: 0, attachments: 0, cases: 0, defects: 0 };
  const stories = planStories(r.fork('plan'), count);

  // Errors cluster by area: each epic has its own most-frequent failures.
  const errorOrder = new Map<string, Record<FailureStatus, ErrorSignature[]>>();
  const pickError = (status: FailureStatus, epicSlug: string): ErrorSignature => {
    let order = errorOrder.get(epicSlug);
    if (!order) {
      const er = r.fork(`errors/${epicSlug}`);
      order = { failed: shuffle(er, errorSignatures.filter((s) => s.status === 'failed')), broken: shuffle(er, errorSignatures.filter((s) => s.status === 'broken')) };
      errorOrder.set(epicSlug, order);
    }
    return r.zipf(order[status], 1.1);
  };
  const hits = new Map<string, { signature: ErrorSignature; epicSlug: string | undefined; count: number }>();
  const countHit = (signature: ErrorSignature, epicSlug: string | undefined): void => {
    const key = `${signature.id}/${epicSlug ?? ''}`;
    const hit = hits.get(key) ?? { signature, epicSlug, count: 0 };
    hit.count++;
    hits.set(key, hit);
  };

  const shardState = resultsDirs.map((dir, i) => ({ dir: join(out, dir), results: 0, workers: new Array<number>(workersPerShard).fill(start + i * 1500), pid: 2000 + r.int(0, 60000) }));
  const counters: SuiteCounters = { nextCase: 0, nextIssue: r.int(0, 3000) };
  const suiteRandom = r.fork('suite');
  const runRandom = r.fork(runNumber === 1 ? 'run' : `run-${runNumber}`);
  const docRandom = r.fork('documents');
  const storyQueue = shuffle(suiteRandom, stories);
  let produced = 0;
  let fileIndex = 0;
  while (produced < count) {
    // Every story first, then more files for random stories: uneven, as real suites are.
    const story = fileIndex < storyQueue.length ? storyQueue[fileIndex] : suiteRandom.pick(stories);
    fileIndex++;
    if (!story) break;
    const file = makeTestFile(suiteRandom, story, suiteRandom.int(3, 15), counters);
    // Trim the last file so that exactly `count` results (final attempts) are written.
    let fileResults = 0;
    file.tests = file.tests.filter((t) => {
      if (produced + fileResults >= count) return false;
      t.parameterSets = t.parameterSets.slice(0, count - produced - fileResults);
      fileResults += t.parameterSets.length;
      return true;
    });
    const shard = shardState.reduce((a, b) => (b.results < a.results ? b : a));
    let worker = 0;
    for (let w = 1; w < shard.workers.length; w++) if ((shard.workers[w] ?? 0) < (shard.workers[worker] ?? 0)) worker = w;
    const run = runTestFile({
      r: runRandom,
      host: `ci-runner-${shardState.indexOf(shard) + 1}`,
      pid: shard.pid,
      pickError,
      onResult: (status: Status, signature: ErrorSignature | undefined, attempts: number) => {
        statuses[status]++;
        files.results++;
        files.attempts += attempts - 1;
        if (signature) countHit(signature, signature.scopedRegex ? story.epicSlug : undefined);
      },
    }, file, worker + 1, shard.workers[worker] ?? start);
    shard.workers[worker] = run.end;
    shard.results += fileResults;
    produced += fileResults;
    for (const f of run.files) {
      if (f.name.endsWith('-container.json')) files.containers++;
      else if (f.name.includes('-attachment.')) files.attachments++;
      await queue.write(join(shard.dir, f.name), f.content);
    }
    for (const test of file.tests) {
      const written = caseOf(test, story);
      if (written) await writeCase(written);
    }
    if (docRandom.chance(0.12)) await writeCase(manualCase(docRandom, `TC-${String(++counters.nextCase).padStart(5, '0')}`, story));
  }

  async function writeCase(c: WrittenCase): Promise<void> {
    const f = caseFile(docRandom, c);
    files.cases++;
    await queue.write(join(out, 'cases', f.name), f.content);
  }

  for (const [i, shard] of shardState.entries()) {
    await queue.write(join(shard.dir, 'environment.properties'), environmentFile(i + 1, shards).content);
    await queue.write(join(shard.dir, 'executor.json'), executorFile(i + 1, shards, 4000 + (r.int(0, 999))).content);
    await queue.write(join(shard.dir, 'categories.json'), categoriesFile(errorSignatures).content);
  }
  for (const d of chooseDefects(r, [...hits.values()], count)) {
    const f = defectFile(docRandom, d, 5000 + files.defects);
    files.defects++;
    await queue.write(join(out, 'defects', f.name), f.content);
  }
  await queue.drain();
  const manifest: SyntheticManifest = {
    generator: 'casebook-bench-synthetic', version: generatorVersion, seed, run: runNumber, count, shards, resultsDirs, files, statuses,
    bytes: queue.bytes,
  };
  // Written last: its presence means the folder is complete.
  await queue.write(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await queue.drain();
  return manifest;
}

/**
 * Known defects for the most frequent failures, about one per hundred results. A third of the
 * signatures get none, so the "unexplained failures" page has work to show.
 */
function chooseDefects(r: Random, hits: { signature: ErrorSignature; epicSlug: string | undefined; count: number }[], count: number): DefectSpec[] {
  const dr = r.fork('defects');
  const unexplained = new Set(errorSignatures.filter(() => dr.chance(0.33)).map((s) => s.id));
  const candidates = hits
    .filter((h) => !unexplained.has(h.signature.id))
    .sort((a, b) => b.count - a.count || a.signature.id.localeCompare(b.signature.id) || (a.epicSlug ?? '').localeCompare(b.epicSlug ?? ''));
  const target = Math.max(3, Math.round(count / 100));
  return candidates.slice(0, target).map((h, i) => ({ id: `DEF-${String(i + 1).padStart(3, '0')}`, signature: h.signature, epicSlug: h.epicSlug }));
}

/** The manifest of a complete earlier generation in `out`, if any. */
export async function readManifest(out: string): Promise<SyntheticManifest | undefined> {
  try {
    const value = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as SyntheticManifest;
    return value.generator === 'casebook-bench-synthetic' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      shards: { type: 'string', default: '1' },
      run: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const usage = 'Usage: node bench/synthetic.ts --count N --out DIR [--seed S] [--shards K] [--run R]\n\n'
    + 'Writes N Allure results (plus retried attempts, containers, attachments) into DIR/allure-results\n'
    + '(DIR/allure-results-1..K with --shards), written test cases into DIR/cases and known defects\n'
    + 'into DIR/defects. DIR must be empty, absent, or an earlier output of this generator (replaced).\n'
    + '--run R writes the R-th CI run of the same suite: same tests and cases, other outcomes and times.';
  if (values.help) {
    console.log(usage);
    return;
  }
  const count = Number(values.count);
  const shards = Number(values.shards);
  const run = Number(values.run);
  if (!Number.isInteger(run) || run < 1 || !values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(shards) || shards < 1) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const out = resolve(values.out);
  if (await readManifest(out)) await rm(out, { recursive: true, force: true });
  else if (await stat(out).then((s) => s.isDirectory(), () => false)) {
    if ((await readdir(out)).length > 0) {
      console.error(`${out} is not empty and was not written by this generator; refusing to write into it.`);
      process.exitCode = 2;
      return;
    }
  }
  const began = performance.now();
  const manifest = await generateSynthetic({ count, out, seed: values.seed, shards, run });
  const seconds = (performance.now() - began) / 1000;
  const s = manifest.statuses;
  console.log(`${manifest.files.results} results (+${manifest.files.attempts} retried attempts), ${manifest.files.containers} containers, `
    + `${manifest.files.attachments} attachments, ${manifest.files.cases} cases, ${manifest.files.defects} defects `
    + `[passed ${s.passed}, failed ${s.failed}, broken ${s.broken}, skipped ${s.skipped}] `
    + `${(manifest.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s -> ${out}`);
}

if (import.meta.main) await main();
