// How long reading JUnit XML takes: `node bench/junit-read.ts [--cases 10000] [--rounds 5]`.
// Writes one Surefire-like report of that many test cases (a tenth failing with a trace,
// some with output and properties) into a temporary folder and reads it as a results folder.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { readResultsFolder } from '../generator/read/results/results-folder.ts';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '5' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('Usage: node bench/junit-read.ts [--cases N] [--rounds R]');
  process.exit(0);
}
const cases = Number(values.cases);
const dir = await mkdtemp(join(tmpdir(), 'casebook-junit-bench-'));
const trace = Array.from({ length: 30 }, (_, i) => `\tat com.acme.shop.Module${i}.call(Module${i}.java:${i + 10})`).join('\n');
const lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuite name="com.acme.Bench" tests="${cases}" timestamp="2026-12-01T10:00:00">`];
for (let i = 0; i < cases; i++) {
  const open = `<testcase name="case${i}" classname="com.acme.shop.Suite${i % 200}" time="0.${String(i % 1000).padStart(3, '0')}"`;
  if (i % 10 === 0) lines.push(`${open}><failure message="expected: &lt;${i}&gt; but was: &lt;${i + 1}&gt;" type="org.opentest4j.AssertionFailedError">org.opentest4j.AssertionFailedError: expected ${i}\n${trace}</failure></testcase>`);
  else if (i % 10 === 1) lines.push(`${open}><properties><property name="region" value="eu-${i % 3}"/></properties><system-out>log line ${i}\nanother line</system-out></testcase>`);
  else lines.push(`${open}/>`);
}
lines.push('</testsuite>');
const text = lines.join('\n');
await writeFile(join(dir, 'TEST-bench.xml'), text);
const times: number[] = [];
let read = 0;
for (let r = 0; r < Number(values.rounds); r++) {
  const start = performance.now();
  const shard = await readResultsFolder(dir, 0, createDiagnosticList());
  times.push(performance.now() - start);
  read = shard.attempts.length;
}
await rm(dir, { recursive: true, force: true });
times.sort((a, b) => a - b);
console.log(`read ${read} JUnit test cases (${(text.length / 2 ** 20).toFixed(1)} MB of XML) in ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (median of ${times.length}; fastest ${times[0]!.toFixed(0)} ms)`);
