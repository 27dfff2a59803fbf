// `casebook scaffold`: a test skeleton for a written case. The JavaScript
// scaffolds run under the real framework with its Allure adapter, and their
// results link back to the case when the site is generated again. The others
// are checked for syntax (python3, javac with stub annotations, TypeScript).
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../generator/config/load.ts';
import { generate } from '../generator/generate.ts';
import { scaffold, scaffoldFiles } from '../generator/scaffold/index.ts';
import { scaffoldCommand } from '../generator/scaffold/cli.ts';
import { tempDir } from './support/site.ts';

const ROOT = path.resolve('.');
const CASES = path.resolve('test/fixtures/cases');
const MALFORMED = path.resolve('test/fixtures/cases-malformed');
const BIN = {
  vitest: path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
  jest: path.join(ROOT, 'node_modules/jest/bin/jest.js'),
  mocha: path.join(ROOT, 'node_modules/mocha/bin/mocha.js'),
  cucumber: path.join(ROOT, 'node_modules/@cucumber/cucumber/bin/cucumber.js'),
};

/** The runners must not inherit this vitest run's own settings, nor Allure's. */
function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(ALLURE_|VITEST|TEST$|NODE_ENV$|NODE_OPTIONS$)/.test(k)));
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' };
}

function run(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

// Folders inside the repository, so the scaffolds resolve vitest, allure-js-commons… from its node_modules.
let work: string;
beforeAll(async () => {
  await mkdir(path.join(ROOT, '.casebook'), { recursive: true });
  work = await mkdtemp(path.join(ROOT, '.casebook', 'scaffold-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

async function scaffoldInto(id: string, framework: string, dir: string) {
  const outcome = await scaffold({ id, framework, cases: [CASES], out: dir });
  expect(outcome.written.length).toBe(outcome.files.length);
  return outcome;
}

/** Each JS framework: scaffold a manual case, run it with the real adapter, return the results folder. */
const RUNS = {
  async vitest(id: string) {
    const dir = path.join(work, 'vitest');
    await scaffoldInto(id, 'vitest', dir);
    await writeFile(
      path.join(dir, 'vitest.config.mjs'),
      `import { defineConfig } from 'vitest/config';
export default defineConfig({
  cacheDir: ${JSON.stringify(path.join(dir, '.vite'))},
  test: { root: ${JSON.stringify(dir)}, include: ['*.test.ts'], setupFiles: ['allure-vitest/setup'],
    reporters: ['default', ['allure-vitest/reporter', { resultsDir: ${JSON.stringify(path.join(dir, 'allure-results'))} }]] },
});
`,
    );
    return { dir, run: await run([BIN.vitest, 'run', '--config', 'vitest.config.mjs'], dir) };
  },
  async jest(id: string) {
    const dir = path.join(work, 'jest');
    await scaffoldInto(id, 'jest', dir);
    const config = { rootDir: dir, testMatch: ['<rootDir>/*.test.js'], transform: {}, testEnvironment: 'allure-jest/node', testEnvironmentOptions: { resultsDir: path.join(dir, 'allure-results') }, cacheDirectory: path.join(dir, '.jest') };
    await writeFile(path.join(dir, 'jest.config.json'), JSON.stringify(config));
    return { dir, run: await run([BIN.jest, '--config', 'jest.config.json', '--ci', '--no-watchman'], dir) };
  },
  async mocha(id: string) {
    const dir = path.join(work, 'mocha');
    const { files } = await scaffoldInto(id, 'mocha', dir);
    return { dir, run: await run([BIN.mocha, '--reporter', 'allure-mocha', '--reporter-option', `resultsDir=${path.join(dir, 'allure-results')}`, files[0]!.path], dir) };
  },
  async cucumber(id: string) {
    const dir = path.join(work, 'cucumber');
    await scaffoldInto(id, 'cucumber', dir);
    const args = [BIN.cucumber, '--import', 'features/step_definitions/*.mjs', '--format', 'allure-cucumberjs/reporter', '--format-options', JSON.stringify({ resultsDir: path.join(dir, 'allure-results') }), 'features/*.feature'];
    return { dir, run: await run(args, dir) };
  },
};

describe('scaffolds that run under the real framework and link back to their case', () => {
  // A manual Markdown case, a YAML case whose automation is missing, and two Gherkin
  // scenarios (a doc string for mocha, a data table for cucumber).
  const plan = { vitest: 'TODO-SHARE-1', jest: 'TODO-SCHED', mocha: 'TC-411', cucumber: 'TC-410' } as const;
  let generated: Awaited<ReturnType<typeof generate>>;
  const outputs: Record<string, string> = {};

  beforeAll(async () => {
    const folders: string[] = [];
    // One at a time: CI has two cores.
    for (const [framework, id] of Object.entries(plan) as [keyof typeof RUNS, string][]) {
      const { dir, run: r } = await RUNS[framework](id);
      outputs[framework] = r.output;
      expect(r.code, `${framework} failed:\n${r.output.slice(-3000)}`).toBe(0);
      folders.push(path.join(dir, 'allure-results'));
    }
    const content = await tempDir('scaffold-content');
    generated = await generate(await loadConfig({ cwd: content, overrides: { results: folders, cases: [CASES], content: path.join(content, 'content') } }));
  });

  for (const [framework, id] of Object.entries(plan)) {
    it(`${framework}: the scaffold of ${id} passes and covers its case by its Allure id`, () => {
      const tc = generated.cases.byId.get(id)!;
      expect(tc.state, outputs[framework]).toBe('passed');
      expect(tc.links.map((l) => l.rule)).toEqual(['allure-id']);
      const result = generated.run.results.find((r) => r.key === tc.links[0]!.resultKey)!;
      expect(result.name).toBe(tc.title);
      // Every written step became an Allure step, in order.
      const written = [...tc.written!.background, ...tc.written!.steps];
      if (framework === 'cucumber') {
        expect(result.steps.map((s) => s.name).filter((n) => !/^(Before|After)/.test(n))).toEqual(written.map((s) => s.action));
      } else {
        expect(result.steps.map((s) => s.name)).toEqual(written.map((s, i) => s.action || `Step ${i + 1}`));
      }
    });
  }

  it('carries the case labels into the results', () => {
    const share = generated.run.results.find((r) => r.name === 'Share a list by link')!;
    const labels = (name: string) => share.labels.filter((l) => l.name === name).map((l) => l.value);
    expect([labels('epic'), labels('feature'), labels('story'), labels('owner'), labels('layer'), labels('tag')]).toEqual([['Productivity'], ['Sharing'], ['Share by link'], ['carol'], ['e2e'], ['sharing', 'manual-only']]);
  });

  it('puts expected results, tables and doc strings in the skeleton for the engineer', async () => {
    const vitest = await readFile(path.join(work, 'vitest', 'todo-share-1.test.ts'), 'utf8');
    expect(vitest).toContain('await allure.allureId("TODO-SHARE-1");');
    expect(vitest).toContain('// Expected: a dialog shows a link that starts with https://.');
    expect(vitest).toContain('// Preconditions:');
    const mocha = await readFile(path.join(work, 'mocha', 'tc-411.spec.mjs'), 'utf8');
    expect(mocha).toMatch(/\/\/ """\n\s+\/\/ Changed my mind\.\n\s+\/\/ """/);
    const feature = await readFile(path.join(work, 'cucumber', 'features', 'tc-410.feature'), 'utf8');
    expect(feature).toContain('@allure.id:TC-410');
    expect(feature).toContain('| savings | checking | 5 \\| 6 |');
  });
});

describe('scaffolds checked for syntax and shape', () => {
  it('pytest: valid Python that runs against a stand-in allure module, one step per written step', async () => {
    const { files } = await scaffold({ id: '101', framework: 'pytest', cases: [CASES] });
    const [file] = files;
    expect(file!.path).toBe('test_101.py');
    expect(file!.content).toContain('@allure.id("101")');
    expect(file!.content).toContain('def test_add_an_item_to_an_empty_list():');
    const python = spawnSync('python3', ['--version']);
    if (python.status !== 0) return; // No Python here: the shape checks above still ran.
    const dir = await tempDir('pytest');
    await writeFile(path.join(dir, file!.path), file!.content);
    // A stand-in allure module that records the decorators and steps.
    await writeFile(
      path.join(dir, 'allure.py'),
      `import contextlib\nCALLS = []\ndef _deco(name):\n    def make(*args):\n        CALLS.append((name, args))\n        return lambda f: f\n    return make\nfor _n in ['id', 'title', 'epic', 'feature', 'story', 'tag', 'label']:\n    globals()[_n] = _deco(_n)\nclass dynamic:\n    @staticmethod\n    def parameter(*args):\n        CALLS.append(('parameter', args))\n@contextlib.contextmanager\ndef step(name):\n    CALLS.append(('step', (name,)))\n    yield\n`,
    );
    const out = spawnSync('python3', ['-c', 'import json, allure, test_101 as t; t.test_add_an_item_to_an_empty_list(); print(json.dumps(allure.CALLS))'], { cwd: dir, encoding: 'utf8' });
    expect(out.stderr).toBe('');
    const calls = JSON.parse(out.stdout) as [string, string[]][];
    expect(calls.filter(([n]) => n === 'step').map(([, a]) => a[0])).toEqual(['Open the list "Groceries".', 'Type the title and press Enter:', 'Reload the page.']);
    expect(calls).toContainEqual(['id', ['101']]);
    expect(calls).toContainEqual(['label', ['layer', 'unit']]);
  });

  it('junit5: compiles against stand-in Allure and JUnit annotations, one Allure.step per written step', async () => {
    const { files } = await scaffold({ id: '402-3', framework: 'junit5', cases: [CASES] });
    const [file] = files;
    expect(file!.path).toBe('TransferLimitsAmount150ResultRejectedTest.java');
    expect(file!.content.match(/Allure\.step\(/g)).toHaveLength(4);
    expect(file!.content).toContain('@AllureId("402-3")');
    expect(file!.content).toContain('Allure.parameter("amount", "150");');
    if (spawnSync('javac', ['-version']).status !== 0) return; // No JDK here: the shape checks above still ran.
    const dir = await tempDir('junit5');
    const stubs: Record<string, string> = {
      'io/qameta/allure/Allure.java': 'package io.qameta.allure; public final class Allure { public interface ThrowableRunnableVoid { void run() throws Throwable; } public static void step(String name, ThrowableRunnableVoid body) {} public static void label(String name, String value) {} public static void parameter(String name, Object value) {} }',
      'io/qameta/allure/AllureId.java': 'package io.qameta.allure; public @interface AllureId { String value(); }',
      'io/qameta/allure/Epic.java': 'package io.qameta.allure; public @interface Epic { String value(); }',
      'io/qameta/allure/Feature.java': 'package io.qameta.allure; public @interface Feature { String value(); }',
      'io/qameta/allure/Story.java': 'package io.qameta.allure; public @interface Story { String value(); }',
      'io/qameta/allure/Owner.java': 'package io.qameta.allure; public @interface Owner { String value(); }',
      'io/qameta/allure/Label.java': 'package io.qameta.allure; @java.lang.annotation.Repeatable(Labels.class) public @interface Label { String name(); String value(); }',
      'io/qameta/allure/Labels.java': 'package io.qameta.allure; public @interface Labels { Label[] value(); }',
      'org/junit/jupiter/api/Test.java': 'package org.junit.jupiter.api; public @interface Test {}',
      'org/junit/jupiter/api/DisplayName.java': 'package org.junit.jupiter.api; public @interface DisplayName { String value(); }',
    };
    for (const [name, text] of Object.entries(stubs)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    await writeFile(path.join(dir, file!.path), file!.content);
    const hostile = await scaffold({ id: 'HOSTILE-1', framework: 'junit5', cases: [MALFORMED] });
    await writeFile(path.join(dir, hostile.files[0]!.path), hostile.files[0]!.content);
    const out = spawnSync('javac', ['-d', path.join(dir, 'classes'), ...Object.keys(stubs), file!.path, hostile.files[0]!.path], { cwd: dir, encoding: 'utf8' });
    expect(out.stderr + out.stdout).toBe('');
    expect(out.status).toBe(0);
  });

  it('playwright: TypeScript with no syntax error, test() with allure.step calls', async () => {
    const { files } = await scaffold({ id: 'TODO-SHARE-1', framework: 'playwright', cases: [CASES] });
    const [file] = files;
    expect(file!.path).toBe('todo-share-1.spec.ts');
    expect(file!.content).toContain('import { test } from "@playwright/test";');
    expect(file!.content).toContain('test("Share a list by link", async ({ page }) => {');
    expect(file!.content.match(/await allure\.step\(/g)).toHaveLength(3);
    const { diagnostics } = ts.transpileModule(file!.content, { reportDiagnostics: true, fileName: file!.path, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(diagnostics ?? []).toEqual([]);
  });

  it('keeps hostile case text inside strings and comments in every language', async () => {
    const { files: js } = await scaffold({ id: 'HOSTILE-1', framework: 'vitest', cases: [MALFORMED] });
    const parsed = ts.transpileModule(js[0]!.content, { reportDiagnostics: true, fileName: 'x.ts' });
    expect(parsed.diagnostics ?? []).toEqual([]);
    // The title is one string literal: no code was injected around it.
    expect(js[0]!.content).toContain('it("<script>alert(\\"case title\\")</script>", async () => {');
    const hostile = (await scaffold({ id: 'HOSTILE-1', framework: 'vitest', cases: [MALFORMED] })).case;
    // A line break in any language's sense inside an expected result stays in comments.
    const tricky = { ...hostile, steps: [{ ...hostile.steps[0]!, expected: 'one\u2028alert(1)\rtwo\nthree \\u000a four' }] };
    for (const framework of ['vitest', 'pytest', 'junit5'] as const) {
      const content = scaffoldFiles(tricky, framework)[0]!.content;
      const lines = content.split(/\r\n|[\n\r\u2028\u2029]/);
      for (const l of lines.filter((x) => /alert\(1\)|two|three/.test(x))) expect(l.trim(), framework).toMatch(/^(\/\/|#)/);
      if (framework === 'junit5') expect(content).toContain('three \\\\u000a four');
    }
  });
});

describe('the scaffold command', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    const io = {
      stdout: (t: string) => {
        out.stdout += t;
      },
      stderr: (t: string) => {
        out.stderr += t;
      },
    };
    return { out, io };
  };

  it('prints the skeleton, and explains itself with --help', async () => {
    const a = io();
    expect(await scaffoldCommand(['101', '--framework', 'mocha', '--cases', CASES], a.io)).toBe(0);
    expect(a.out.stdout).toContain('await allure.allureId("101");');
    const b = io();
    expect(await scaffoldCommand(['--help'], b.io)).toBe(0);
    for (const f of ['vitest', 'jest', 'playwright', 'mocha', 'cucumber', 'pytest', 'junit5', '--out', '--cases']) expect(b.out.stdout).toContain(f);
  });

  it('prints every file of a cucumber scaffold with its path', async () => {
    const a = io();
    expect(await scaffoldCommand(['TC-411', '-f', 'cucumber', '--cases', CASES], a.io)).toBe(0);
    expect(a.out.stdout).toContain('==> features/tc-411.feature <==');
    expect(a.out.stdout).toContain('==> features/step_definitions/tc-411.steps.mjs <==');
  });

  it('writes with --out, and never overwrites', async () => {
    const dir = await tempDir('scaffold-out');
    const a = io();
    expect(await scaffoldCommand(['TC-201', '--framework', 'jest', '--cases', CASES, '--out', dir], a.io)).toBe(0);
    expect(await readdir(dir)).toEqual(['tc-201.test.js']);
    const b = io();
    expect(await scaffoldCommand(['TC-201', '--framework', 'jest', '--cases', CASES, '--out', dir], b.io)).toBe(1);
    expect(b.out.stderr).toContain('refusing to overwrite');
  });

  it('names the problem: an unknown case (with close ids), an unknown framework, a missing flag', async () => {
    const a = io();
    expect(await scaffoldCommand(['TC-20', '--framework', 'jest', '--cases', CASES], a.io)).toBe(1);
    expect(a.out.stderr).toContain('no case with id "TC-20"');
    expect(a.out.stderr).toContain('did you mean TC-201');
    const b = io();
    expect(await scaffoldCommand(['101', '--framework', 'nunit', '--cases', CASES], b.io)).toBe(2);
    expect(b.out.stderr).toContain('unknown framework "nunit"');
    const c = io();
    expect(await scaffoldCommand(['101', '--cases', CASES], c.io)).toBe(2);
    expect(c.out.stderr).toContain('--framework is required');
  });
});
