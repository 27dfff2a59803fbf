// `casebook check`, the quality gate for CI: the library function, every exit
// code of the command, its three output formats, and `build --gate`.
import { execFile } from 'node:child_process';
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { check } from '../generator/check.ts';
import { parseGateFlags } from '../generator/gate-options.ts';
import { checkReportSchema } from '../generator/contract/check-report.ts';
import { tempDir } from './support/site.ts';

const CLI = path.resolve('generator/cli/main.ts');
const ADAPTERS = ['vitest', 'jest', 'mocha', 'cucumber'];
const RESULTS = ADAPTERS.map((a) => path.resolve('test/fixtures', a, 'allure-results'));
const DEFECTS = path.resolve('test/fixtures/defects');
const resultFlags = RESULTS.flatMap((r) => ['--results', r]);

async function casebook(args: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 16 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('check()', () => {
  it('reads and links the run, and holds it against the thresholds', async () => {
    const { report } = await check({ results: RESULTS, defects: [DEFECTS] }, { maxUnexplained: 3, minPassRate: 70, failOnRegression: true });
    expect(report.run).toEqual({ total: 59, passed: 35, failed: 8, broken: 8, skipped: 8, unknown: 0, flaky: 3 });
    expect(report.passRate).toBe(68.6);
    expect(report.failures).toMatchObject({ failures: 16, explained: 13, unexplained: 3, groups: 3, regressions: 1, notSeen: 1 });
    expect(report.checks.map((c) => [c.name, c.ok, c.actual, c.limit])).toEqual([
      ['max-unexplained', true, 3, 3],
      ['min-pass-rate', false, 68.6, 70],
      ['fail-on-regression', false, 1, 0],
    ]);
    expect(report).toMatchObject({ ok: false, exitCode: 1, failedChecks: ['min-pass-rate', 'fail-on-regression'] });
    expect(report.regressions).toEqual([{ id: 'STEP-NESTED', title: 'Errors thrown inside nested steps', file: 'test/fixtures/defects/nested-step-errors.md', line: 2, count: 3 }]);
    expect(report.notSeen.map((d) => d.id)).toEqual(['FX-RATES-DOWN']);
    expect(report.unexplained.map((g) => g.count)).toEqual([1, 1, 1]);
    checkReportSchema.parse(report);
  });

  it('by default allows no unexplained failure, and checks nothing else', async () => {
    const { report } = await check({ results: RESULTS, defects: [DEFECTS] });
    expect(report.checks.map((c) => c.name)).toEqual(['max-unexplained']);
    expect(report.failedChecks).toEqual(['max-unexplained']);
  });

  it('parses the flags of the gate, naming the one that is wrong', () => {
    expect(parseGateFlags({ 'max-unexplained': '5', 'min-pass-rate': '99.5%', 'fail-on-regression': true })).toEqual({ maxUnexplained: 5, minPassRate: 99.5, failOnRegression: true });
    expect(() => parseGateFlags({ 'max-unexplained': '-1' })).toThrow(/--max-unexplained: expected a whole number/);
    expect(() => parseGateFlags({ 'min-pass-rate': '101' })).toThrow(/--min-pass-rate: expected a percentage from 0 to 100/);
  });
});

describe('casebook check', () => {
  it('exits 0 when every threshold holds, and builds nothing', async () => {
    const cwd = await tempDir('check-ok');
    const { code, stdout } = await casebook(['check', ...resultFlags, '--defects', DEFECTS, '--max-unexplained', '3', '--min-pass-rate', '60', '--quiet'], cwd);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^casebook check: 59 tests, 35 passed, 8 failed, 8 broken, 8 skipped · pass rate 68\.6%/);
    expect(stdout).toMatch(/failures: 16 · 13 explained by known defects \(2 product, 7 test, 4 infrastructure\) · 3 unexplained in 3 group\(s\)/);
    expect(stdout).toContain('regression: STEP-NESTED is marked fixed but explains 3 failure(s)');
    expect(stdout).toContain('not seen in this run: FX-RATES-DOWN');
    expect(stdout).toMatch(/gate: passed\n$/);
    expect(await readdir(cwd)).toEqual([]);
  });

  it.each([
    [['--max-unexplained', '2'], 'max-unexplained', /FAILED --max-unexplained: 3 unexplained failure\(s\), 2 allowed/],
    [['--max-unexplained', '3', '--min-pass-rate', '90'], 'min-pass-rate', /FAILED --min-pass-rate: pass rate 68\.6%, at least 90% required/],
    [['--max-unexplained', '3', '--fail-on-regression'], 'fail-on-regression', /FAILED --fail-on-regression: 1 defect\(s\) marked fixed still match failures/],
  ])('exits 1 when a threshold is broken, naming it (%j)', async (flags, name, line) => {
    const { code, stdout } = await casebook(['check', ...resultFlags, '--defects', DEFECTS, ...flags, '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toMatch(line);
    expect(stdout).toContain(`gate: FAILED (--${name})`);
  });

  it('exits 1 with no flags when a failure is unexplained (the default allows none)', async () => {
    const { code, stdout } = await casebook(['check', '--results', RESULTS[1]!, '--quiet']);
    expect(code).toBe(1);
    expect(stdout).toContain('gate: FAILED (--max-unexplained)');
  });

  it.each([
    [['--max-unexplained', 'many'], /--max-unexplained: expected a whole number/],
    [['--min-pass-rate', 'high'], /--min-pass-rate: expected a percentage/],
    [['--format', 'xml'], /--format: expected text, github, json, got "xml"/],
    [['--gate'], /builds no site: --gate is not used/],
    [['--out', 'site'], /builds no site: --out is not used/],
    [['--max-unexplaned', '1'], /--max-unexplaned/],
  ])('exits 2 on wrong flags or values (%j)', async (flags, message) => {
    const { code, stderr, stdout } = await casebook(['check', ...resultFlags, ...flags]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('exits 3 when the input cannot be used', async () => {
    const cwd = await tempDir('check-empty');
    const { code, stderr } = await casebook(['check', '--results', 'missing'], cwd);
    expect(code).toBe(3);
    expect(stderr).toMatch(/no valid test results were found in missing/);
    const noResults = await casebook(['check'], cwd);
    expect(noResults.code).toBe(3);
    expect(noResults.stderr).toMatch(/results: required/);
  });

  it('--format json prints the report, and only it, on stdout', async () => {
    const { code, stdout } = await casebook(['check', ...resultFlags, '--defects', DEFECTS, '--format', 'json']);
    expect(code).toBe(1);
    const report = checkReportSchema.parse(JSON.parse(stdout));
    expect(report.failedChecks).toEqual(['max-unexplained']);
    expect(report.overlaps).toEqual([{ winner: 'STOCK-SUPPLIER', other: 'SYNC-OFFLINE', count: 1, file: 'test/fixtures/defects/offline-services.md', line: 8 }]);
    // In Allure 2's order: the configured categories, then its defaults.
    expect(report.categories).toEqual([
      { name: 'Assertion failures', count: 8 },
      { name: 'Infrastructure problems', count: 1 },
      { name: 'Type errors', count: 4 },
      { name: 'Test defects', count: 3 },
    ]);
  });

  it('--format github prints workflow-command annotations with the file and line of each defect', async () => {
    const { code, stdout } = await casebook(['check', ...resultFlags, '--defects', DEFECTS, '--max-unexplained', '3', '--fail-on-regression', '--format', 'github']);
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('::error title=Casebook gate%3A --fail-on-regression::1 defect(s) marked fixed still match failures, none allowed');
    expect(lines).toContain('::error file=test/fixtures/defects/nested-step-errors.md,line=2,title=Regression%3A STEP-NESTED::Errors thrown inside nested steps: marked fixed, yet it explains 3 failure(s) in this run');
    expect(lines.filter((l) => l.startsWith('::warning title=Unexplained failure'))).toHaveLength(3);
    // A multi-line message stays one annotation.
    expect(lines.some((l) => l.startsWith('::warning title=Unexplained failure ×1::AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:%0A'))).toBe(true);
    expect(lines).toContain('::notice file=test/fixtures/defects/exchange-outage.md,line=2,title=Not seen%3A FX-RATES-DOWN::Exchange-rate service refuses connections: open, yet no failure in this run matched it');
    expect(stdout).toContain('gate: FAILED (--fail-on-regression)');
  });

  it('--help explains every flag and the exit codes', async () => {
    const { code, stdout } = await casebook(['check', '--help']);
    expect(code).toBe(0);
    for (const flag of ['--results', '--defects', '--max-unexplained', '--min-pass-rate', '--fail-on-regression', '--format']) expect(stdout).toContain(flag);
    expect(stdout).toMatch(/Exit codes: 0 .*; 1 a threshold is broken/s);
    expect((await casebook(['--help'])).stdout).toMatch(/check\s+Quality gate for CI/);
  });
});

describe('casebook build --gate', () => {
  it('writes the site, then exits 1 when a threshold is broken', async () => {
    const dir = await tempDir('build-gate');
    const out = path.join(dir, 'site');
    const { code, stdout } = await casebook(['build', ...resultFlags, '--defects', DEFECTS, '--out', out, '--content', path.join(dir, 'content'), '--gate', '--max-unexplained', '2', '--quiet']);
    expect(code).toBe(1);
    await access(path.join(out, 'index.html'));
    await access(path.join(out, 'unexplained', 'index.html'));
    expect(stdout).toContain('gate: FAILED (--max-unexplained)');
  });

  it('threshold flags need --gate, and generate takes none', async () => {
    expect((await casebook(['build', ...resultFlags, '--max-unexplained', '2'])).stderr).toMatch(/--max-unexplained needs --gate/);
    const generate = await casebook(['generate', ...resultFlags, '--gate']);
    expect(generate.code).toBe(2);
    expect(generate.stderr).toMatch(/--gate is for "casebook check"/);
  });
});
