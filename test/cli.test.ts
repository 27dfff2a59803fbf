// The command line as a user meets it: help, exit codes and error messages.
import { execFile } from 'node:child_process';
import { access, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/site.ts';

const CLI = path.resolve('generator/cli/main.ts');

/** Runs the CLI. */
function casebook(args: string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('casebook --help', () => {
  it.each([[[]], [['--help']], [['build', '--help']], [['generate', '-h']]])('%j explains the commands and flags', async (args) => {
    const { code, stdout } = await casebook(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage:/);
    if (args[0] === 'build') for (const flag of ['--results', '--out', '--config', '--title', '--base-url']) expect(stdout).toContain(flag);
  });

  it('names an unknown command and exits 2', async () => {
    const { code, stderr } = await casebook(['publish']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "publish"');
  });

  it('names an unknown flag and exits 2', async () => {
    const { code, stderr } = await casebook(['build', '--resluts', 'x']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--resluts/);
  });
});

describe('errors a user can act on', () => {
  it('asks for a results folder when none is given', async () => {
    const dir = await tempDir('cli');
    const { code, stderr } = await casebook(['generate'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/results: required/);
    expect(stderr).toMatch(/--results DIR/);
  });

  it('says so when the folder holds no valid result, and exits 1', async () => {
    const dir = await tempDir('cli');
    await mkdir(path.join(dir, 'empty'));
    await writeFile(path.join(dir, 'empty', 'x-result.json'), '{broken');
    const { code, stderr } = await casebook(['generate', '--results', 'empty'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no valid test results were found in empty/);
    expect(stderr).toMatch(/x-result\.json: not valid JSON/);
  });

  it('reports a missing results folder as rejected input, not a crash', async () => {
    const dir = await tempDir('cli');
    const { code, stderr } = await casebook(['generate', '--results', path.resolve('test/fixtures/jest/allure-results'), '--results', 'nowhere'], dir);
    expect(code).toBe(0);
    expect(stderr).toMatch(/rejected: nowhere: cannot read results folder/);
  });

  // build loads its config in its pages process, generate in the command's own.
  it.each(['generate', 'build'])('%s names the config file, the key and what was expected', async (command) => {
    const dir = await tempDir('cli');
    await writeFile(path.join(dir, 'casebook.config.json'), JSON.stringify({ results: 'not-a-list', baseUrl: 'ftp://x', colour: 'red' }));
    const { code, stderr } = await casebook([command], dir);
    expect(stderr).toMatch(new RegExp(`^casebook ${command}: invalid configuration`));
    expect(code).toBe(1);
    expect(stderr).toContain('invalid configuration in casebook.config.json');
    expect(stderr).toMatch(/results: expected array/);
    expect(stderr).toMatch(/baseUrl: a http\(s\) URL or a path/);
    expect(stderr).toMatch(/colour: unknown option/);
  });

  it('reads an .mjs config, with paths relative to the config file', async () => {
    const dir = await tempDir('cli');
    await mkdir(path.join(dir, 'project'));
    await writeFile(
      path.join(dir, 'project', 'casebook.config.mjs'),
      `export default { title: 'From mjs', results: [${JSON.stringify(path.resolve('test/fixtures/mocha/allure-results'))}], content: 'generated' };`,
    );
    const { code, stderr } = await casebook(['generate', '--config', 'project/casebook.config.mjs'], dir);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/casebook generate: 14 tests \(8 passed, 2 failed, 2 broken, 2 skipped, 1 flaky\)/);
    expect(stderr).toContain('content in project/generated');
  });
});

// The pages are built in a process of their own (freed before Pagefind runs):
// what it finds must still reach the user, and its verdict the exit code. The
// command line becomes each stage in turn (execve), or, on a platform without
// execve, starts each as its child and waits. Either way the hand-off between
// the stages (a file in the temporary folder) is gone at the end.
describe.each([
  ['replacing its process', {}],
  ['in child processes', { CASEBOOK_BUILD_IN_CHILD: '1' }],
])('casebook build, %s', (_, env) => {
  it('builds and indexes the site, and a failed gate fails the command', async () => {
    const dir = await tempDir('cli');
    const tmp = await tempDir('cli-tmp');
    const results = path.resolve('test/fixtures/mocha/allure-results');
    const { code, stdout, stderr } = await casebook(['build', '--results', results, '--out', 'site', '--quiet', '--gate', '--min-pass-rate', '99'], dir, { ...env, TMPDIR: tmp });
    expect(stderr).toMatch(/casebook build: 14 tests \(8 passed, 2 failed, 2 broken, 2 skipped, 1 flaky\), \d+ features, 0 rejected → site in site/);
    expect(code).toBe(1);
    expect(stdout).toMatch(/pass rate/i);
    const pages = await readdir(path.join(dir, 'site', 'tests'));
    expect(pages.filter((f) => f.endsWith('.html'))).toHaveLength(14);
    await access(path.join(dir, 'site', 'pagefind', 'pagefind-entry.json'));
    expect(await readdir(tmp)).toEqual([]);
  });

  it('reports what stopped the build, and exits 1', async () => {
    const dir = await tempDir('cli');
    const tmp = await tempDir('cli-tmp');
    await mkdir(path.join(dir, 'empty'));
    await writeFile(path.join(dir, 'empty', 'x-result.json'), '{broken');
    const { code, stderr } = await casebook(['build', '--results', 'empty', '--out', 'site'], dir, { ...env, TMPDIR: tmp });
    expect(code).toBe(1);
    expect(stderr).toMatch(/casebook build: no valid test results were found in empty/);
    expect(stderr).not.toMatch(/unexpected error/);
    expect(await readdir(tmp)).toEqual([]);
    // Neither a site nor its staging folder.
    expect((await readdir(dir)).filter((name) => name.includes('site'))).toEqual([]);
  });
});
