// The reliability probe's findings (issue 13), one hostile case each, made by
// test/hostile/cases.ts: Casebook deletes only what it wrote, publishes only
// what is inside its inputs, and never hangs or crashes on one bad file.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../generator/build.ts';
import { check } from '../../generator/check.ts';
import { loadConfig } from '../../generator/config/load.ts';
import { generate } from '../../generator/generate.ts';
import { groupBySignature } from '../../generator/link/signatures.ts';
import { checkOutputFolder, lockFolder, SITE_MARKER } from '../../generator/write/output-folder.ts';
import { readPages, tempDir } from '../support/site.ts';
import * as hostile from './cases.ts';

const CLI = path.resolve('generator/cli/main.ts');
const BIN = path.resolve('generator/bin.mjs');
const MOCHA = path.resolve('test/fixtures/mocha/allure-results');

function casebook(args: string[], cwd: string, node = process.execPath): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(node, [node === process.execPath ? CLI : BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}

async function configIn(dir: string, overrides: Record<string, unknown>) {
  return loadConfig({ cwd: dir, overrides: { out: path.join(dir, 'site'), content: path.join(dir, 'content'), ...overrides } });
}

/** Every file below `dir` with its content, for "nothing changed" checks. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

describe('finding 1: --out and --content are never folders Casebook did not write', () => {
  it('refuses a folder of the user files, and leaves them', async () => {
    const dir = await tempDir('hostile-out');
    await mkdir(path.join(dir, 'mine', 'deep'), { recursive: true });
    await writeFile(path.join(dir, 'mine', 'thesis.txt'), 'years of work');
    await writeFile(path.join(dir, 'mine', 'deep', 'notes.md'), 'notes');
    const before = await snapshot(path.join(dir, 'mine'));
    for (const flag of ['--out', '--content']) {
      const { code, stderr } = await casebook(['build', '--quiet', '--results', MOCHA, flag, 'mine'], dir);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(new RegExp(`refusing to use .*mine as ${flag}: it holds 2 file\\(s\\) that Casebook did not write`));
    }
    expect(await snapshot(path.join(dir, 'mine'))).toEqual(before);
  });

  it('refuses the results folder, the current folder and a parent of it, and leaves them', async () => {
    const dir = await tempDir('hostile-out');
    const results = await hostile.calmResults(dir);
    const before = await snapshot(dir);
    const refused = [
      [results, /it is the results folder/],
      ['.', /it is the current folder/],
      ['..', /it holds the current folder/],
    ] as const;
    for (const [out, why] of refused) {
      const { code, stderr } = await casebook(['build', '--quiet', '--results', results, '--out', out], dir);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(why);
    }
    expect(await snapshot(dir)).toEqual(before);
  });

  it('refuses / and the home folder before anything is built', async () => {
    const dir = await tempDir('hostile-out');
    const folders = { results: [MOCHA], cases: [], defects: [], content: path.join(dir, 'content') };
    await expect(checkOutputFolder('/', 'out', folders)).rejects.toThrow(/root of the file system/);
    await expect(checkOutputFolder(homedir(), 'out', folders)).rejects.toThrow(/home folder/);
    await expect(checkOutputFolder(path.join(dir, 'content', 'site'), 'out', folders)).rejects.toThrow(/inside the content folder/);
    await expect(checkOutputFolder(MOCHA, 'content', { ...folders, content: MOCHA })).rejects.toThrow(/is the results folder/);
  });

  it('rebuilds into a folder it built before', async () => {
    const dir = await tempDir('hostile-out');
    for (let i = 0; i < 2; i++) {
      const { code, stderr } = await casebook(['build', '--quiet', '--results', MOCHA, '--out', 'site'], dir);
      expect(code, stderr).toBe(0);
    }
    expect(existsSync(path.join(dir, 'site', SITE_MARKER))).toBe(true);
  });
});

describe('finding 2: a failed or stopped build leaves the last good site', () => {
  const builtSite = async () => {
    const dir = await tempDir('hostile-keep');
    const { code } = await casebook(['build', '--quiet', '--results', MOCHA, '--out', 'site'], dir);
    expect(code).toBe(0);
    return { dir, before: await snapshot(path.join(dir, 'site')) };
  };
  const leftovers = async (dir: string) => (await readdir(dir)).filter((n) => n.includes('casebook-'));

  it('a build with no valid result', async () => {
    const { dir, before } = await builtSite();
    await mkdir(path.join(dir, 'broken'));
    await writeFile(path.join(dir, 'broken', 'x-result.json'), '{broken');
    const { code } = await casebook(['build', '--quiet', '--results', 'broken', '--out', 'site'], dir);
    expect(code).toBe(1);
    expect(await snapshot(path.join(dir, 'site'))).toEqual(before);
    expect(await leftovers(dir)).toEqual([]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGKILL', null],
  ] as const)('a build stopped by %s', async (signal, exitCode) => {
    const { dir, before } = await builtSite();
    const child = spawn(process.execPath, [CLI, 'build', '--quiet', '--results', MOCHA, '--out', 'site'], { cwd: dir, stdio: 'ignore' });
    // Stopped while it writes: its staging folder exists.
    for (let i = 0; i < 400 && !(await leftovers(dir)).some((n) => n.includes('staging')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(await leftovers(dir)).not.toEqual([]);
    const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill(signal);
    expect(await ended).toBe(exitCode);
    expect(await snapshot(path.join(dir, 'site'))).toEqual(before);
    if (signal !== 'SIGKILL') expect(await leftovers(dir)).toEqual([]);
    // What a SIGKILL left is removed by the next build.
    const { code } = await casebook(['build', '--quiet', '--results', MOCHA, '--out', 'site'], dir);
    expect(code).toBe(0);
    expect(await leftovers(dir)).toEqual([]);
  });
});

describe('finding 3: one build at a time in a folder', () => {
  it('a second build while the first holds the lock fails, naming it', async () => {
    const dir = await tempDir('hostile-lock');
    // This test's own process stands for the first build: it is alive.
    await lockFolder(path.join(dir, 'site'), process.pid);
    const { code, stderr } = await casebook(['build', '--quiet', '--results', MOCHA, '--out', 'site'], dir);
    expect(code).toBe(2);
    expect(stderr).toContain(`another casebook build (process ${process.pid}) is writing`);
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
  });

  it('a lock whose build is gone is taken over', async () => {
    const dir = await tempDir('hostile-lock');
    await writeFile(path.join(dir, '.site.casebook-lock'), JSON.stringify({ pid: 2 ** 22 + 17 }));
    const { code, stderr } = await casebook(['build', '--quiet', '--results', MOCHA, '--out', 'site'], dir);
    expect(code, stderr).toBe(0);
    expect(existsSync(path.join(dir, '.site.casebook-lock'))).toBe(false);
  });
});

describe('finding 4: the Node 20 wrapper passes a stop on', () => {
  const node20 = '/usr/bin/node';
  it.skipIf(!existsSync(node20) || !process.versions.node.startsWith('2'))('SIGTERM to bin.mjs stops the build it started, which cleans up', async () => {
    const dir = await tempDir('hostile-signal');
    const child = spawn(node20, [BIN, 'build', '--quiet', '--results', MOCHA, '--out', 'site'], { cwd: dir, stdio: 'ignore' });
    for (let i = 0; i < 600 && !(await readdir(dir)).some((n) => n.includes('staging')); i++) await new Promise((r) => setTimeout(r, 10));
    const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    child.kill('SIGTERM');
    const end = await ended;
    // The wrapper ends as its child did: killed by the same signal, or its 143.
    expect(end.signal === 'SIGTERM' || end.code === 143).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect((await readdir(dir)).filter((n) => n.includes('casebook-'))).toEqual([]);
  });
});

describe('finding 5: files that lead out of their folders are refused, their content never published', () => {
  it('environment, results, categories, executor, containers, cases, defects, templates and requirements', async () => {
    const dir = await tempDir('hostile-links');
    const inputs = await hostile.linksOut(dir);
    const config = await configIn(dir, { results: [inputs.results], cases: [inputs.cases], defects: [inputs.defects], templates: inputs.templates, requirements: inputs.requirements });
    await expect(build(config)).rejects.toThrow(/template .*overview\.md\.hbs cannot be used: overview\.md\.hbs is a link that leads out of its folder/);
    const { templates: _, ...rest } = config;
    const built = await build(rest);
    const pages = await readPages(built.outDir);
    const everything = [...pages.values(), await readFile(path.join(built.outDir, 'summary.json'), 'utf8')].join('\n');
    expect(everything).not.toContain(hostile.SECRET);
    expect(built.run.results.map((r) => r.name)).toEqual(['a calm test']);
    const rejected = built.summary.rejected.map((r) => `${path.basename(r.file)}: ${r.reason}`).join('\n');
    for (const name of ['environment.properties', 'linked-result.json', 'categories.json', 'executor.json', 'linked-container.json', 'linked.md', 'requirements.csv']) {
      expect(rejected).toMatch(new RegExp(`${name.replace('.', '\\.')}: .*is a link that leads out of its folder`));
    }
  });
});

describe('finding 6: attachments are served inert, each under a name of its own', () => {
  it('active endings are served as text, and two attachments never meet on one file', async () => {
    const dir = await tempDir('hostile-active');
    const built = await build(await configIn(dir, { results: [await hostile.activeAttachments(dir)] }));
    const attachments = built.run.results.flatMap((r) => r.attachments);
    for (const ext of hostile.ACTIVE_EXTENSIONS) {
      const a = attachments.find((x) => x.source === `active-attachment.${ext}`)!;
      expect(a.href, ext).toMatch(/\/renamed\/active-attachment\.[a-z]+\.txt$/);
    }
    const shard = path.join(built.outDir, 'attachments', '0');
    const served = await readdir(shard, { recursive: true });
    expect(served.filter((f) => /\.(html?|shtml|xht|xhtm|xhtml|svgz?|xml|xsl|xsd|php|htaccess|rdf|rss|atom|mml|js)$/.test(f))).toEqual([]);
    const meet = (source: string) => readFile(path.join(built.outDir, attachments.find((x) => x.source === source)!.href), 'utf8');
    expect(await meet('meet.html')).toBe('the html one');
    expect(await meet('meet.html.txt')).toBe('the txt one');
  });
});

describe('finding 7: names and messages cannot write lines of their own into a CI log', () => {
  it('in the build output and in check --format github', async () => {
    const dir = await tempDir('hostile-log');
    const results = await hostile.logInjection(dir);
    const forged = (text: string) => text.split(/\r?\n|\r/).filter((line) => line.startsWith('::error title=forged'));
    const built = await casebook(['build', '--results', results, '--out', 'site'], dir);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('bad\\n::error title=forged');
    const checked = await casebook(['check', '--results', results, '--format', 'github'], dir);
    expect(checked.stdout).toContain('::warning');
    for (const output of [built.stdout, built.stderr, checked.stdout, checked.stderr]) expect(forged(output)).toEqual([]);
  });
});

describe('finding 8: special files are refused without hanging, and the rest of the shard is read', () => {
  it('FIFOs, /dev/zero and a folder where files belong', async () => {
    const dir = await tempDir('hostile-special');
    const results = await hostile.specialFiles(dir);
    const out = await generate(await configIn(dir, { results: [results] }));
    expect(out.run.results.map((r) => r.name).sort()).toEqual(['a calm test', 'hostile test special']);
    const rejected = out.summary.rejected.map((r) => `${path.basename(r.file)}: ${r.reason}`).join('\n');
    expect(rejected).toMatch(/fifo-result\.json: .*a named pipe, not a regular file/);
    expect(rejected).toMatch(/environment\.properties: .*a named pipe/);
    expect(rejected).toMatch(/zero-result\.json: .*leads out of its folder/);
    expect(rejected).toMatch(/"fifo": fifo-attachment\.txt is a link that leads out of the results folder/);
    expect(rejected).toMatch(/"folder": folder-attachment\.txt cannot be used: it is a folder/);
  }, 20_000);
});

describe('finding 9: no regex or glob can hang a build', () => {
  it('a defect regex, a categories.json regex, the suggestion for nested paths and a case glob', async () => {
    const dir = await tempDir('hostile-redos');
    const inputs = await hostile.backtracking(dir);
    const config = await configIn(dir, { results: [inputs.results], cases: [inputs.cases], defects: [inputs.defects] });
    const out = await generate(config);
    expect(out.run.results).toHaveLength(4);
    const verdict = await check(config, { maxUnexplained: 10 });
    expect(verdict.report.failures.failures).toBe(2);
  }, 20_000);

  it('suggested regexes run in linear time even on a backtracking engine', async () => {
    const dir = await tempDir('hostile-redos');
    const inputs = await hostile.backtracking(dir);
    const out = await generate(await configIn(dir, { results: [inputs.results] }));
    const groups = groupBySignature(out.run.results.filter((r) => r.status === 'failed' || r.status === 'broken'));
    const paths = groups.find((g) => g.signature.message.startsWith('<tmp>('))!;
    // V8's own (backtracking) engine, in a process of its own that is killed when it hangs; a text that almost matches.
    const script = `const re = new RegExp('^(?:' + process.argv[1] + ')$', 's'); const t = process.argv[2]; const s = performance.now(); re.test(t); console.log(performance.now() - s);`;
    const took = await new Promise<string>((resolve) => {
      execFile(process.execPath, ['-e', script, paths.suggestion.message!, hostile.NEAR_MISS], { timeout: 10_000 }, (error, stdout) => resolve(error ? `hung: ${error.message}` : stdout));
    });
    expect(Number(took), took).toBeLessThan(1000);
  }, 20_000);
});

describe('finding 10: steps nested deeper than the stack would allow', () => {
  it.each([500, 20_000])('%i levels: the test has its page and a warning says the steps were flattened', async (depth) => {
    const dir = await tempDir('hostile-deep');
    const built = await build(await configIn(dir, { results: [await hostile.deepSteps(dir, depth)] }));
    const deep = built.run.results.find((r) => r.name === 'hostile test deep')!;
    const pages = await readPages(built.outDir);
    expect(pages.get(`tests/${deep.slug}.html`)).toContain('the deepest step');
    expect(built.diagnostics.some((d) => d.code === 'result/steps-too-deep')).toBe(true);
  }, 30_000);
});

describe('finding 11: a YAML alias bomb in a defect file', () => {
  it('is rejected with a reason; the other defects are used', async () => {
    const dir = await tempDir('hostile-yaml');
    const inputs = await hostile.aliasBomb(dir);
    const out = await generate(await configIn(dir, { results: [inputs.results], defects: [inputs.defects] }));
    expect(out.summary.rejected.find((r) => r.file.endsWith('bomb.md'))?.reason).toMatch(/aliases expand/);
    expect(out.failures.defects.map((d) => d.defect.id)).toEqual(['FINE-1']);
  });
});

describe('finding 12: no two pages share a path', () => {
  it('colliding slug hashes, a feature named Index, features and defects whose slugs meet', async () => {
    const dir = await tempDir('hostile-paths');
    const inputs = await hostile.meetingPaths(dir);
    const built = await build(await configIn(dir, { results: [inputs.results], defects: [inputs.defects] }));
    const slugs = built.run.results.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(built.run.results.length);
    const pages = await readPages(built.outDir);
    for (const r of built.run.results) expect(pages.get(`tests/${r.slug}.html`), r.fullName).toContain(r.fullName.length > 60 ? r.name : r.fullName);
    const featureSlugs = built.tree.nodes.map((n) => n.slug);
    expect(new Set(featureSlugs).size).toBe(featureSlugs.length);
    expect(featureSlugs).not.toContain('index');
    // The features index is still the index: it lists the features.
    expect(pages.get('features/index.html')).toMatch(/Log in/);
    const defectSlugs = built.failures.defects.map((d) => d.defect.slug);
    expect(built.failures.defects.map((d) => d.defect.id).sort()).toEqual(['DEF 1', 'def-1', 'index']);
    expect(new Set(defectSlugs).size).toBe(3);
    expect(defectSlugs).not.toContain('index');
  }, 30_000);
});

describe('finding 13: attachment size is capped', () => {
  it('a sparse attachment above the cap is left out with a reason, the rest copied', async () => {
    const dir = await tempDir('hostile-sparse');
    const results = await hostile.sparseAttachment(dir, 64 * 2 ** 20);
    const built = await build(await configIn(dir, { results: [results], limits: { attachmentBytes: 2 ** 20 } }));
    expect(built.summary.rejected.find((r) => r.reason.includes('"sparse"'))?.reason).toMatch(/64 MiB, more than the limit of 1 MiB/);
    const shard = await readdir(path.join(built.outDir, 'attachments', '0'));
    expect(shard).toEqual(['small-attachment.txt']);
  });
});
