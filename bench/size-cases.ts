// Inputs of unusual size that a real run can produce, built with Casebook and
// measured (wall time, peak memory): a 50 MB trace, 200,000 steps in one test,
// 20,000 attachments, 50,000 files no reader takes beside the results.
// `node bench/size-cases.ts [--dir /tmp/casebook-size-cases] [--only NAME,...]`
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function result(i: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    uuid: `r${i}`,
    name: `size case test ${i}`,
    fullName: `size.spec.ts#size case test ${i}`,
    historyId: `h${i}`,
    status: i % 7 === 0 ? 'failed' : 'passed',
    stage: 'finished',
    start: 1_700_000_000_000 + i,
    stop: 1_700_000_000_100 + i,
    labels: [{ name: 'feature', value: `Feature ${i % 5}` }],
    ...extra,
  };
}

const CASES: Record<string, (dir: string) => Promise<void>> = {
  async 'trace-50mb'(dir) {
    const trace = `Error: huge\n${'    at frame (file.js:1:1)\n'.repeat(50 * 2 ** 20 / 26)}`;
    await writeFile(join(dir, 'big-result.json'), JSON.stringify(result(0, { status: 'failed', statusDetails: { message: 'huge trace', trace } })));
    for (let i = 1; i < 20; i++) await writeFile(join(dir, `r${i}-result.json`), JSON.stringify(result(i)));
  },
  async 'steps-200k'(dir) {
    const steps = Array.from({ length: 200_000 }, (_, s) => ({ name: `step ${s}`, status: 'passed', start: s, stop: s + 1 }));
    await writeFile(join(dir, 'steps-result.json'), JSON.stringify(result(0, { steps })));
    for (let i = 1; i < 20; i++) await writeFile(join(dir, `r${i}-result.json`), JSON.stringify(result(i)));
  },
  async 'attachments-20k'(dir) {
    for (let i = 0; i < 200; i++) {
      const attachments = [];
      for (let a = 0; a < 100; a++) {
        const source = `a${i}-${a}-attachment.txt`;
        await writeFile(join(dir, source), `log ${i} ${a}\n`);
        attachments.push({ name: `log ${a}`, source, type: 'text/plain' });
      }
      await writeFile(join(dir, `r${i}-result.json`), JSON.stringify(result(i, { attachments })));
    }
  },
  async 'junk-50k'(dir) {
    for (let i = 0; i < 50_000; i++) await writeFile(join(dir, `junk-${i}.dat`), 'x');
    for (let i = 0; i < 20; i++) await writeFile(join(dir, `r${i}-result.json`), JSON.stringify(result(i)));
  },
};

function peakOf(stderr: string): number {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    process.stdout.write('Usage: node bench/size-cases.ts [--dir DIR] [--only trace-50mb,steps-200k,attachments-20k,junk-50k]\n');
    return;
  }
  const base = values.dir ?? '/tmp/casebook-size-cases';
  const names = values.only ? values.only.split(',') : Object.keys(CASES);
  const rows: string[] = [];
  for (const name of names) {
    const make = CASES[name];
    if (!make) throw new Error(`unknown size case ${name}`);
    const dir = join(base, name);
    const results = join(dir, 'allure-results');
    await rm(dir, { recursive: true, force: true });
    await mkdir(results, { recursive: true });
    await make(results);
    const started = performance.now();
    // GNU time reports the peak of the process tree's largest process (the build's stages replace one another).
    const stats = join(dir, 'time.txt');
    const run = spawnSync('/usr/bin/time', ['-v', '-o', stats, process.execPath, join(root, 'generator/cli/main.ts'), 'build', '--quiet', '--results', results, '--out', join(dir, 'site'), '--content', join(dir, 'content')], { encoding: 'utf8', cwd: dir });
    const seconds = (performance.now() - started) / 1000;
    const last = run.stderr.split('\n').filter((l) => l.startsWith('casebook')).pop() ?? run.stderr.slice(-300);
    rows.push(`${name.padEnd(16)} exit ${run.status}  ${seconds.toFixed(1).padStart(6)} s  ${String(peakOf(await readFile(stats, 'utf8'))).padStart(5)} MB  ${last}`);
    process.stderr.write(`${rows.at(-1)}\n`);
  }
  process.stdout.write(`${rows.join('\n')}\n`);
}

await main();
