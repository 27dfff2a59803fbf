// The benchmark's real data set: real test suites run by real Allure adapters,
// one results folder per shard, as parallel CI jobs write them.
//   - zod's own test suite (it ships in the zod package, ~3,000 tests, some
//     failing or skipped on this Node), run with vitest and allure-vitest in four
//     shards: v3, v4 classic, v4 core (with its locales) and v4 mini;
//   - the repo's fixture suites (test/fixtures/generate.mjs runs them): jest,
//     mocha, cucumber-js and playwright through their Allure adapters, with
//     containers, retries and attachments.
// `node bench/real-suites.ts --out DIR` writes it; the benchmark calls it for `--sizes real`.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const realSuitesVersion = 1;

export interface RealManifest {
  generator: 'casebook-bench-real';
  version: number;
  /** The suites' package versions: a new zod is a new data set. */
  suites: Record<string, string>;
  resultsDirs: string[];
  files: { results: number; attempts: number };
  /** Tests as Allure counts them (one per historyId, the last attempt). */
  tests: number;
}

const ZOD_SHARDS = [
  { name: 'zod-v3', include: 'src/v3/tests/**/*.test.ts' },
  { name: 'zod-v4-classic', include: 'src/v4/classic/tests/**/*.test.ts' },
  { name: 'zod-v4-core', include: 'src/v4/core/tests/**/*.test.ts' },
  { name: 'zod-v4-mini', include: 'src/v4/mini/tests/**/*.test.ts' },
];

/** Fixture suites already run by test/fixtures/generate.mjs with their adapters. */
const FIXTURE_SHARDS = ['jest', 'mocha', 'cucumber', 'playwright'];

const VITEST_CONFIG = `import { defineConfig } from 'vitest/config';
export default defineConfig({
  test: {
    include: [process.env.SHARD_INCLUDE],
    setupFiles: ['allure-vitest/setup'],
    reporters: ['dot', ['allure-vitest/reporter', { resultsDir: process.env.SHARD_RESULTS }]],
    typecheck: { enabled: false },
  },
});
`;

async function version(pkg: string): Promise<string> {
  return (JSON.parse(await readFile(join(root, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

export async function readRealManifest(dir: string): Promise<RealManifest | undefined> {
  try {
    const value = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RealManifest;
    return value.generator === 'casebook-bench-real' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The versions a data set is made from; the cache is used only while they are the same. */
export async function realSuitesKey(): Promise<Record<string, string>> {
  return { zod: await version('zod'), vitest: await version('vitest'), 'allure-vitest': await version('allure-vitest'), script: String(realSuitesVersion) };
}

export async function generateRealSuites(out: string, log: (line: string) => void = () => {}): Promise<RealManifest> {
  await rm(out, { recursive: true, force: true });
  const work = join(out, 'work', 'zod');
  await mkdir(work, { recursive: true });
  await cp(join(root, 'node_modules', 'zod', 'src'), join(work, 'src'), { recursive: true });
  await writeFile(join(work, 'vitest.config.mjs'), VITEST_CONFIG);
  // The copied tests import "zod/v4" and the config imports vitest and allure-vitest: resolved from the repo's packages.
  await symlink(join(root, 'node_modules'), join(out, 'work', 'node_modules'), 'dir');
  const resultsDirs: string[] = [];
  for (const shard of ZOD_SHARDS) {
    const results = join(out, shard.name, 'allure-results');
    await mkdir(results, { recursive: true });
    const started = performance.now();
    // Some of zod's tests fail on purpose or on this platform: the exit code is not the point, the results are.
    const run = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', 'vitest.config.mjs', '--configLoader', 'runner'], {
      cwd: work,
      env: { ...process.env, SHARD_INCLUDE: shard.include, SHARD_RESULTS: results, NO_COLOR: '1', CI: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
    });
    const written = (await readdir(results)).filter((f) => f.endsWith('-result.json')).length;
    if (written === 0) throw new Error(`${shard.name}: vitest wrote no results (exit ${run.status}):\n${(run.stderr || run.stdout).slice(-2000)}`);
    log(`data: ${shard.name}: ${written} results in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    resultsDirs.push(join(shard.name, 'allure-results'));
  }
  await rm(join(out, 'work'), { recursive: true, force: true });
  for (const name of FIXTURE_SHARDS) {
    await cp(join(root, 'test', 'fixtures', name, 'allure-results'), join(out, name, 'allure-results'), { recursive: true });
    resultsDirs.push(join(name, 'allure-results'));
  }
  const manifest: RealManifest = { generator: 'casebook-bench-real', version: realSuitesVersion, suites: await realSuitesKey(), resultsDirs, ...(await countResults(out, resultsDirs)) };
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Result files, and tests as Allure counts them: one per historyId across the shards (retries are attempts). */
async function countResults(out: string, resultsDirs: readonly string[]): Promise<Pick<RealManifest, 'files' | 'tests'>> {
  const ids = new Set<string>();
  let files = 0;
  for (const dir of resultsDirs) {
    for (const name of await readdir(join(out, dir))) {
      if (!name.endsWith('-result.json')) continue;
      files++;
      const result = JSON.parse(await readFile(join(out, dir, name), 'utf8')) as { historyId?: string; uuid: string };
      ids.add(result.historyId ?? result.uuid);
    }
  }
  return { files: { results: ids.size, attempts: files - ids.size }, tests: ids.size };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help || !values.out) {
    console.log('Usage: node bench/real-suites.ts --out DIR\n\nRuns real suites with real Allure adapters (zod with allure-vitest, in four shards) and adds the\nrepo\'s fixture results (jest, mocha, cucumber-js, playwright), one folder of Allure results per shard.');
    process.exitCode = values.help ? 0 : 2;
  } else {
    const manifest = await generateRealSuites(resolve(values.out), (line) => console.error(line));
    console.error(`data: ${manifest.tests} tests (${manifest.files.attempts} retried attempts) in ${manifest.resultsDirs.length} shards`);
  }
}
