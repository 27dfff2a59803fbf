// How long matching failures to known defects takes: `node bench/match-defects.ts
// [--failures 10000] [--defects 500] [--rounds 5]`. The failures come from the
// synthetic results (bench/synthetic.ts, cached in bench/.data/match-defects),
// the defects from the defect files it writes, topped up with defects aimed at
// areas and tests that do not fail (as a real defects folder has many).

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { matchDefects } from '../generator/link/defects.ts';
import { linkFailures } from '../generator/link/failures.ts';
import type { Defect } from '../generator/model/defects.ts';
import { assembleRun } from '../generator/read/results/assemble-run.ts';
import { readDefectFolders } from '../generator/read/defects/defect-files.ts';
import { readResultsFolder } from '../generator/read/results/results-folder.ts';
import { errorSignatures } from './synthetic/errors.ts';
import { generateSynthetic, generatorVersion, readManifest } from './synthetic.ts';

const log = (message: string): void => void process.stderr.write(`${message}\n`);

const { values } = parseArgs({
  options: {
    failures: { type: 'string', default: '10000' },
    defects: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string', default: resolve(import.meta.dirname, '.data', 'match-defects') },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: node bench/match-defects.ts [--failures N] [--defects M] [--rounds R] [--seed S] [--data DIR]');
  process.exit(0);
}
const wanted = Number(values.failures);
const defectCount = Number(values.defects);
const rounds = Number(values.rounds);

// About 14% of synthetic results fail; ask for a little more than enough.
const count = Math.ceil(wanted / 0.12);
let manifest = await readManifest(values.data);
if (!manifest || manifest.version !== generatorVersion || manifest.count !== count || manifest.seed !== values.seed) {
  log(`data: generating ${count} results into ${values.data}`);
  manifest = await generateSynthetic({ count, out: values.data, seed: values.seed, shards: 1 });
}
const diagnostics = createDiagnosticList();
const shards = await Promise.all(manifest.resultsDirs.map((d, i) => readResultsFolder(join(values.data, d), i, diagnostics)));
const run = assembleRun(shards);
const failures = run.results.filter((r) => r.status === 'failed' || r.status === 'broken').slice(0, wanted);
if (failures.length < wanted) throw new Error(`only ${failures.length} failures in ${count} results`);

const written = await readDefectFolders([join(values.data, 'defects')], diagnostics);
const defects: Defect[] = written.slice(0, defectCount);
// Top up: defects for areas and tests of this product that do not fail in this run.
for (let i = 0; defects.length < defectCount; i++) {
  const s = errorSignatures[i % errorSignatures.length]!;
  const area = `legacy-${i}`;
  const base = { id: `BENCH-${i}`, slug: `bench-${i}`, title: `${s.title} (${area})`, issue: '', status: 'open' as const, kind: s.kind, owner: '', body: '', file: `bench/${i}.md`, idLine: 2, matchLine: 8 };
  const statuses = [s.status];
  defects.push(
    i % 3 === 0
      ? { ...base, match: { message: s.messageRegex, statuses, cases: [], fullNames: [`*${area}*`], labels: [] } }
      : i % 3 === 1
        ? { ...base, match: { message: s.messageRegex, statuses, cases: [], fullNames: [], labels: [{ name: 'epic', values: [area] }] } }
        : { ...base, match: { message: s.scopedRegex ? s.scopedRegex(area) : `${s.messageRegex} \\[${area}\\]`, statuses, cases: [], fullNames: [], labels: [] } },
  );
}

const times: number[] = [];
let matching = matchDefects(failures, defects);
for (let round = 0; round < rounds; round++) {
  const started = performance.now();
  matching = matchDefects(failures, defects);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)]!;

const started = performance.now();
const linked = linkFailures({ ...run, results: failures }, defects, createDiagnosticList());
const linkMs = performance.now() - started;

console.log(
  `matched ${failures.length} failures against ${defects.length} defects (${written.length} written by bench/synthetic.ts) in ${median.toFixed(0)} ms ` +
    `(median of ${rounds}; fastest ${times[0]!.toFixed(0)} ms; ${((median * 1000) / failures.length).toFixed(1)} µs per failure)`,
);
console.log(`  ${matching.defectOf.size} explained, ${failures.length - matching.defectOf.size} unexplained, ${matching.overlaps.length} overlapping pairs`);
console.log(
  `  whole failures stage (categories, defects, signatures): ${linkMs.toFixed(0)} ms; ${linked.groups.length} unexplained signature groups`,
);
