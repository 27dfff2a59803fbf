#!/usr/bin/env node
// Regenerates content/demo/allure-results/ by running the Acme Shop suite with the real
// allure-vitest adapter, the way a CI pipeline with two parallel shards would:
//
//   1. each shard runs `vitest run --shard=N/2` into allure-results/shard-N/;
//   2. each shard then re-runs its failed and broken tests once ("retry failed tests"
//      CI step), selected through an Allure test plan, into the same folder;
//   3. the CI job drops an executor.json next to the results.
//
// Failing tests are expected (the shop has deliberate bugs), so vitest's exit code is
// ignored; a shard that produced no result files is an error.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const demoDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(demoDir, "../..");
const suiteDir = path.join(demoDir, "suite");
const resultsRoot = path.join(demoDir, "allure-results");
const vitestBin = path.join(repoRoot, "node_modules", "vitest", "vitest.mjs");
const SHARDS = [1, 2];

const executor = {
  name: "GitHub Actions",
  type: "github",
  buildName: "acme-shop #1287",
  buildUrl: "https://github.com/acme/shop/actions/runs/1287",
  buildOrder: 1287,
  reportName: "Acme Shop tests",
};

/** Runs vitest in the suite folder; resolves with its exit code and the tail of its output. */
const runVitest = (args, env) =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vitestBin, "run", "--config", "vitest.config.ts", ...args], {
      cwd: suiteDir,
      env: { ...process.env, FORCE_COLOR: "0", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });

const readResults = async (dir) => {
  const names = (await readdir(dir)).filter((name) => name.endsWith("-result.json")).sort();
  return Promise.all(names.map(async (name) => JSON.parse(await readFile(path.join(dir, name), "utf8"))));
};

const summarize = (results) => {
  const counts = {};
  for (const result of results) {
    const status = result.status ?? "(no status)";
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
};

const shardEnv = (shard, attempt) => ({
  ACME_SHARD: String(shard),
  ACME_RESULTS_DIR: path.join(resultsRoot, `shard-${shard}`),
  ACME_CI_ATTEMPT: String(attempt),
  ALLURE_HOST_NAME: `gha-runner-${shard}`,
});

const runShard = async (shard, planDir) => {
  const dir = path.join(resultsRoot, `shard-${shard}`);
  await mkdir(dir, { recursive: true });

  const first = await runVitest([`--shard=${shard}/2`], shardEnv(shard, 1));
  const results = await readResults(dir);
  if (results.length === 0) {
    throw new Error(`shard ${shard}: vitest exited with ${first.code} and wrote no results to ${dir}\n${first.output.slice(-3000)}`);
  }

  // The "retry failed tests" step: the same shard, only its failed and broken tests.
  const failing = results.filter((r) => r.status === "failed" || r.status === "broken");
  if (failing.length > 0) {
    const plan = path.join(planDir, `testplan-shard-${shard}.json`);
    const tests = [...new Set(failing.map((r) => r.fullName))].sort().map((selector) => ({ selector }));
    await writeFile(plan, `${JSON.stringify({ version: "1.0", tests }, null, 2)}\n`);
    const specFiles = [...new Set(failing.map((r) => r.fullName.replace(/^[^:]*:/, "").split("#")[0]))].sort();
    const rerun = await runVitest(specFiles, { ...shardEnv(shard, 2), ALLURE_TESTPLAN_PATH: plan });
    const after = await readResults(dir);
    if (after.length === results.length) {
      throw new Error(`shard ${shard}: the re-run of ${failing.length} tests wrote no results\n${rerun.output.slice(-3000)}`);
    }
  }

  await writeFile(path.join(dir, "executor.json"), `${JSON.stringify(executor, null, 2)}\n`);
  return { shard, dir, results: await readResults(dir), first: failing.length };
};

await rm(resultsRoot, { recursive: true, force: true });
const planDir = await mkdtemp(path.join(tmpdir(), "acme-testplan-"));
try {
  const shards = await Promise.all(SHARDS.map((shard) => runShard(shard, planDir)));
  for (const { shard, dir, results, first } of shards) {
    const files = await readdir(dir);
    console.log(
      `shard-${shard}: ${results.length} results (${summarize(results)}), ${first} re-run, ` +
        `${files.filter((f) => f.includes("-attachment")).length} attachments, ${files.length} files`,
    );
  }
  console.log(`wrote ${path.relative(repoRoot, resultsRoot)}/`);
} finally {
  await rm(planDir, { recursive: true, force: true });
}
