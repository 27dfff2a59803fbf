// The reader and the model, on results written by real adapters.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDiagnosticList } from '../generator/diagnostics/diagnostic.ts';
import { assembleRun } from '../generator/read/results/assemble-run.ts';
import type { Result, Run } from '../generator/model/types.ts';
import { readResultsFolder } from '../generator/read/results/results-folder.ts';

async function readRun(...adapters: string[]): Promise<{ run: Run; diagnostics: ReturnType<typeof createDiagnosticList>['list'] }> {
  const diagnostics = createDiagnosticList();
  const shards = await Promise.all(
    adapters.map((a, i) => readResultsFolder(path.join('test/fixtures', a, 'allure-results'), i, diagnostics)),
  );
  return { run: assembleRun(shards), diagnostics: diagnostics.list };
}

const byName = (run: Run, name: string): Result[] => run.results.filter((r) => r.name.includes(name));

describe('retries', () => {
  it.each([
    ['jest', 'Sync the memory (flaky)'],
    ['mocha', 'Sync with the warehouse (flaky)'],
    ['cucumber', 'Sync with the core banking system'],
  ])('%s: a test that failed and then passed is one passed, flaky result that keeps its failed attempt', async (adapter, name) => {
    const { run } = await readRun(adapter);
    const [result, ...others] = byName(run, name);
    expect(others).toEqual([]);
    expect(result!.status).toBe('passed');
    expect(result!.flaky).toBe(true);
    expect(result!.retries.map((a) => a.status)).toContain('failed');
    expect(result!.retries.every((a) => a.stop <= result!.stop)).toBe(true);
  });

  it('jest: a test that fails on every attempt is one failed result with its earlier attempts, not flaky', async () => {
    const { run } = await readRun('jest');
    const [result] = byName(run, 'fails on every attempt');
    expect(result!.status).toBe('failed');
    expect(result!.flaky).toBe(false);
    expect(result!.retries.length).toBe(2);
  });
});

describe('parameters', () => {
  it.each(['vitest', 'jest', 'mocha', 'cucumber'])('%s: masked and hidden values never reach the model; excluded ones leave the identity', async (adapter) => {
    const { run } = await readRun(adapter);
    const withSecrets = run.results.find((r) => r.parameters.some((p) => p.mode === 'masked'))!;
    expect(withSecrets).toBeDefined();
    for (const p of withSecrets.parameters.filter((p) => p.mode !== 'default')) expect(p.value).toBe('******');
    const excluded = withSecrets.parameters.find((p) => p.excluded)!;
    expect(excluded).toBeDefined();
    expect(withSecrets.key).not.toContain(excluded.value);
  });

  it('vitest: each parameter set of one test is its own result with its own identity', async () => {
    const { run } = await readRun('vitest');
    const sets = byName(run, 'filters items by status');
    expect(sets.length).toBe(3);
    expect(new Set(sets.map((r) => r.key)).size).toBe(3);
    expect(new Set(sets.map((r) => r.slug)).size).toBe(3);
  });
});

describe('fixtures', () => {
  it.each(['jest', 'mocha', 'cucumber'])('%s: containers become set-up and tear-down of the tests they wrap', async (adapter) => {
    const { run } = await readRun(adapter);
    const wrapped = run.results.filter((r) => r.setup.length > 0);
    expect(wrapped.length).toBeGreaterThan(run.results.length / 2);
    expect(wrapped.every((r) => r.setup.every((f) => f.kind === 'setup'))).toBe(true);
    expect(run.results.some((r) => r.teardown.length > 0)).toBe(true);
  });

  it('jest: a failing set-up is shown on the test it broke', async () => {
    const { run } = await readRun('jest');
    const [result] = byName(run, 'rounds half to even');
    expect(result!.status).toBe('broken');
    expect(result!.setup.some((f) => f.status === 'broken' || f.status === 'failed')).toBe(true);
  });
});

describe('steps and attachments', () => {
  it.each(['vitest', 'jest', 'mocha'])('%s: nested steps keep their statuses, and attachments made in a step belong to that step', async (adapter) => {
    const { run } = await readRun(adapter);
    const [result] = byName(run, 'fails inside a nested step');
    const depth = (steps: Result['steps']): number => (steps.length ? 1 + Math.max(...steps.map((s) => depth(s.steps))) : 0);
    expect(depth(result!.steps)).toBeGreaterThanOrEqual(2);
    expect(result!.steps.some((s) => s.status === 'broken' || s.status === 'failed')).toBe(true);
    const all = run.results.flatMap((r) => [...r.attachments, ...r.steps.flatMap(function walk(s): Result['attachments'] { return [...s.attachments, ...s.steps.flatMap(walk)]; })]);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((a) => a.href.startsWith('attachments/0/'))).toBe(true);
    expect(all.some((a) => a.preview === 'image')).toBe(true);
  });

  it('no step is an attachment in disguise (allure-js writes attachments as status-less steps)', async () => {
    const { run } = await readRun('vitest', 'jest', 'mocha', 'cucumber');
    const walk = (steps: Result['steps']): boolean => steps.every((s) => !(s.status === 'unknown' && s.steps.length === 0 && s.attachments.length === 1 && s.attachments[0]!.name === s.name) && walk(s.steps));
    expect(run.results.every((r) => walk(r.steps))).toBe(true);
  });
});

describe('shards', () => {
  it('merge into one run: results from both, environment values per shard, every executor kept', async () => {
    const { run, diagnostics } = await readRun('jest', 'mocha');
    const jestOnly = (await readRun('jest')).run.results.length;
    const mochaOnly = (await readRun('mocha')).run.results.length;
    expect(run.results.length).toBe(jestOnly + mochaOnly);
    expect(run.environment.find((e) => e.name === 'test.runner')!.values).toEqual(['jest', 'mocha']);
    expect(run.executors.map((e) => e.shard)).toEqual([0, 1]);
    expect(diagnostics.filter((d) => d.rejected)).toEqual([]);
  });

  it('same results read twice give the same model (deterministic order)', async () => {
    const a = (await readRun('cucumber')).run.results.map((r) => r.slug);
    const b = (await readRun('cucumber')).run.results.map((r) => r.slug);
    expect(a).toEqual(b);
  });
});

describe('errors outside any test', () => {
  it('mocha: a failing before-all hook whose tests were never written is kept as a global error', async () => {
    const { run } = await readRun('mocha');
    expect(run.globalErrors.length).toBeGreaterThan(0);
    expect(run.globalErrors.every((e) => e.file.endsWith('-globals.json') && e.message.length > 0)).toBe(true);
  });
});
