// The benchmark: Casebook against Allure 3 and Allure 2 on the same results, real and synthetic.
// `npm run bench -- [--sizes real,1000,10000] [--rounds 3] [--tools casebook,casebook-cases,allure3,allure2] [--json FILE]`

import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { folderSize, measure, readJson } from './run/measure.ts';
import type { RoundFigures, SizeFigures, ToolFigures } from './run/report.ts';
import { formatSize, summarize } from './run/report.ts';
import type { BenchInput, Tool } from './run/tools.ts';
import { tools } from './run/tools.ts';
import type { SyntheticManifest } from './synthetic.ts';
import { generateSynthetic, generatorVersion, readManifest } from './synthetic.ts';
import { generateRealSuites, readRealManifest, realSuitesKey } from './real-suites.ts';
import { writeSyntheticHistory } from './synthetic-history.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const log = (message: string): void => void process.stderr.write(`${message}\n`);

const usage = `Usage: npm run bench -- [options]   (or: node bench/run.ts [options])

  --sizes LIST     Result counts to benchmark, comma-separated, and "real": real suites run by
                   real Allure adapters (bench/real-suites.ts; ~2,700 tests in 8 shards)
                   (default: real,1000,10000; 100000 works too)
  --rounds R       Cold rounds per tool and size; the table shows medians (default: 3)
  --tools LIST     Any of casebook (results only, as the Allure reports read),
                   casebook-cases (results + written cases + defects), casebook-history
                   (results + a synthetic history of --history-runs runs), allure3, allure2
                   (default: all four)
  --seed S         Seed of the synthetic data (default: 1)
  --shards K       Split the results into K folders, as parallel CI jobs do (default: 1)
  --data DIR       Cache of generated data, one folder per size (default: bench/.data)
  --history-runs N Earlier runs in the history casebook-history is given (default 50)
  --json FILE      Also save every figure (per round and medians) as JSON
  --timeout SEC    Give up on one run after SEC seconds (default: 1800)
  --keep           Keep each run's output folder (their paths are printed)
  --no-rebuild     Skip the rebuild: after each cold Casebook build, the next CI run's results
                   (same suite, cases and defects) built into the same content folder
  -h, --help       Show this help`;

async function dataFor(dataDir: string, count: number, seed: string, shards: number, run = 1): Promise<SyntheticManifest & { dir: string }> {
  const dir = join(dataDir, run === 1 ? String(count) : `${count}-run${run}`);
  const cached = await readManifest(dir);
  if (cached && cached.version === generatorVersion && cached.count === count && cached.seed === seed && cached.shards === shards && (cached.run ?? 1) === run) {
    log(`data: ${count} results (run ${run}) cached in ${dir}`);
    return { ...cached, dir };
  }
  log(`data: generating ${count} results (run ${run}) into ${dir}`);
  await rm(dir, { recursive: true, force: true });
  const started = performance.now();
  const manifest = await generateSynthetic({ count, out: dir, seed, shards, run });
  log(`data: ${manifest.files.results + manifest.files.attempts} result files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...manifest, dir };
}

/** The real suites' results, made once per version of the suites and adapters. */
async function realData(dataDir: string): Promise<{ dir: string; resultsDirs: string[]; files: { results: number; attempts: number }; count: number }> {
  const dir = join(dataDir, 'real');
  const key = await realSuitesKey();
  const cached = await readRealManifest(dir);
  if (cached && JSON.stringify(cached.suites) === JSON.stringify(key)) {
    log(`data: real suites (${cached.tests} tests) cached in ${dir}`);
    return { dir, resultsDirs: cached.resultsDirs, files: cached.files, count: cached.tests };
  }
  log(`data: running the real suites into ${dir} (about a minute)`);
  const manifest = await generateRealSuites(dir, log);
  return { dir, resultsDirs: manifest.resultsDirs, files: manifest.files, count: manifest.tests };
}

/**
 * The output folders of the runs, deleted once every run is measured. This
 * machine's file system (ext4 without a journal) skips recently freed inodes
 * when it creates a file: right after deleting a 23,000-file site, a
 * 10,000-result Casebook build took 18.6-19.5 s instead of 12.4 s. Deleting
 * each run's output right away made every run pay for the previous one's cleanup.
 */
const finished: string[] = [];

async function runOnce(tool: Tool, input: BenchInput, round: number, timeoutMs: number, keep: boolean, rebuildInput?: BenchInput): Promise<RoundFigures> {
  const work = await mkdtemp(join(tmpdir(), `casebook-bench-${tool.id}-`));
  const folders = { cwd: join(work, 'cwd'), out: join(work, 'out'), work, timingsFile: join(work, 'timings.json') };
  await mkdir(folders.cwd);
  const { command, args, env } = tool.run(root, input, folders);
  try {
    // Other work on the machine skews the figures; the 1-minute load average shows how much.
    const load = loadavg()[0] ?? 0;
    // Flush what earlier runs wrote, so no run pays for another's disk writeback.
    execFileSync('sync');
    const m = await measure(command, args, { cwd: folders.cwd, env, timeoutMs });
    const size = await folderSize(folders.out);
    const figures: RoundFigures = {
      round, ok: m.ok, loadBefore: Math.round(load * 100) / 100, wallMs: m.wallMs, peakRssBytes: m.peakRssBytes, peakProcesses: m.peakProcesses, outputBytes: size.bytes, outputFiles: size.files,
    };
    if (!m.ok) {
      const why = m.timedOut ? `timed out after ${timeoutMs / 1000} s` : m.signal ? `killed by ${m.signal}` : `exit ${m.exitCode}`;
      // The error's own line, not the stack frames under it.
      const message = [...m.outputTail].reverse().find((line) => !line.startsWith('at ') && /error|fail|exception|cannot|not found/i.test(line)) ?? m.outputTail.at(-1) ?? '';
      figures.failure = `${why}: ${message}`;
      figures.outputTail = m.outputTail;
    } else if (size.files === 0) {
      figures.ok = false;
      figures.failure = `exit 0 but no output in ${folders.out}`;
    }
    if (tool.id.startsWith('casebook')) {
      const stages = await readJson(folders.timingsFile);
      if (stages && typeof stages === 'object') figures.stages = stages as Record<string, number>;
      if (rebuildInput && figures.ok) {
        // The next CI run: new results, the same cases and defects, the content
        // folder (parsed cases, Astro's cache) this build left, as a CI cache
        // would keep it; the site folder starts empty, as in a fresh workspace.
        const next = tool.run(root, rebuildInput, folders);
        await rename(folders.out, join(work, 'out-cold'));
        execFileSync('sync');
        const again = await measure(next.command, next.args, { cwd: folders.cwd, env: next.env, timeoutMs });
        if (again.ok) figures.rebuildWallMs = again.wallMs;
        else figures.rebuildFailure = again.outputTail.at(-1) ?? `exit ${again.exitCode}`;
      }
    }
    log(`  ${tool.id} round ${round}: ${figures.ok ? `${(m.wallMs / 1000).toFixed(2)} s, ${(m.peakRssBytes / 2 ** 20).toFixed(0)} MB RSS (${m.peakProcesses} processes), ${(size.bytes / 2 ** 20).toFixed(1)} MB out, load ${load.toFixed(1)} before` : `FAILED ${figures.failure}`}${keep ? ` -> ${folders.out}` : ''}`);
    return figures;
  } finally {
    if (!keep) finished.push(work);
  }
}

function machine(): Record<string, string | number> {
  let java = 'not found';
  try {
    // `java -version` prints on stderr.
    java = execFileSync('sh', ['-c', 'java -version 2>&1 | head -1'], { encoding: 'utf8' }).trim() || java;
  } catch {
    // no Java: Allure 2 will report its own failure
  }
  return { cpu: cpus()[0]?.model ?? '?', cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, java };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      sizes: { type: 'string', default: 'real,1000,10000' },
      rounds: { type: 'string', default: '3' },
      tools: { type: 'string', default: 'casebook,casebook-cases,allure3,allure2' },
      'history-runs': { type: 'string', default: '50' },
      seed: { type: 'string', default: '1' },
      shards: { type: 'string', default: '1' },
      data: { type: 'string', default: join(root, 'bench', '.data') },
      json: { type: 'string' },
      timeout: { type: 'string', default: '1800' },
      keep: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const sizes = values.sizes.split(',').map((s) => (s.trim() === 'real' ? 'real' : Number(s)));
  const rounds = Number(values.rounds);
  const shards = Number(values.shards);
  const selected = values.tools.split(',').map((id) => tools.find((t) => t.id === id.trim()));
  if (sizes.some((n) => n !== 'real' && (!Number.isInteger(n) || n < 1)) || !Number.isInteger(rounds) || rounds < 1 || !Number.isInteger(shards) || shards < 1 || selected.some((t) => !t)) {
    console.error(usage);
    return 2;
  }
  const chosen = selected as Tool[];
  const versions = new Map(await Promise.all(chosen.map(async (t) => [t.id, await t.version(root)] as const)));
  const env = machine();
  log(`machine: ${env.cpus} x ${env.cpu}, ${env.memoryGB} GB, node ${env.node}, ${env.java}`);
  const results: SizeFigures[] = [];
  for (const size of sizes) {
    const real = size === 'real';
    const data = real ? await realData(resolve(values.data)) : await dataFor(resolve(values.data), size, values.seed, shards);
    const count = real ? data.count : size;
    const resultsDirs = data.resultsDirs.map((d) => join(data.dir, d));
    // The real suites have no written cases or defects: Casebook reads their results only.
    const benchInput: BenchInput = { resultsDirs, casesDir: join(data.dir, 'cases'), defectsDir: join(data.dir, 'defects') };
    const next = !real && values.rebuild && chosen.some((t) => t.id.startsWith('casebook')) ? await dataFor(resolve(values.data), size, values.seed, shards, 2) : undefined;
    const rebuildInput: BenchInput | undefined = next && { ...benchInput, resultsDirs: next.resultsDirs.map((d) => join(next.dir, d)) };
    if (chosen.some((t) => t.id === 'casebook-history')) {
      const runs = Number(values['history-runs']);
      const historyDir = join(data.dir, `history-${runs}`);
      const made = await writeSyntheticHistory(resultsDirs, runs, historyDir);
      const gzip = gzipSync(await readFile(made.file)).byteLength;
      log(`data: a history of ${runs} runs × ${made.tests} tests: ${(made.bytes / 2 ** 20).toFixed(1)} MB, ${(gzip / 2 ** 20).toFixed(2)} MB gzipped (${(gzip / made.tests / runs).toFixed(1)} bytes per test per run)`);
      benchInput.historyDir = historyDir;
    }
    const input = await Promise.all(resultsDirs.map(folderSize));
    // Without written cases, casebook-cases would be casebook again.
    const here = real ? chosen.filter((t) => t.id !== 'casebook-cases') : chosen;
    const figures = new Map<Tool['id'], ToolFigures>(here.map((t) => [t.id, { tool: t.id, label: t.label, version: versions.get(t.id) ?? '?', rounds: [] }]));
    for (let round = 1; round <= rounds; round++) {
      // Rotate the order each round, so no tool always runs first (or right after another).
      const order = here.map((_, i) => here[(i + round - 1) % here.length] as Tool);
      for (const tool of order) figures.get(tool.id)?.rounds.push(await runOnce(tool, benchInput, round, Number(values.timeout) * 1000, values.keep, rebuildInput));
    }
    const figuresOfSize: SizeFigures = {
      count,
      ...(real ? { label: `Real suites: ${count} tests in ${resultsDirs.length} shards` } : {}),
      resultFiles: data.files.results + data.files.attempts,
      inputBytes: input.reduce((sum, s) => sum + s.bytes, 0),
      tools: here.map((t) => summarize(figures.get(t.id) as ToolFigures)),
    };
    results.push(figuresOfSize);
    console.log(`\n${formatSize(figuresOfSize)}\n`);
  }
  if (finished.length) {
    log(`removing the ${finished.length} output folders of the runs`);
    await Promise.all(finished.splice(0).map((work) => rm(work, { recursive: true, force: true })));
  }
  if (values.json) {
    const file = resolve(values.json);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), machine: env, options: { rounds, seed: values.seed, shards }, sizes: results }, null, 2)}\n`);
    log(`figures saved to ${file}`);
  }
  return results.some((s) => s.tools.some((t) => !t.median)) ? 1 : 0;
}

process.exitCode = await main();
