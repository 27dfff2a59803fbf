// `casebook build` runs the API's two stages (build.ts: buildSitePages, then
// indexSite), each in a process of its own, so the run's model and Pagefind
// never hold memory at once. The one channel between the processes is the
// hand-off file: JSON, named on each stage's command line
// (`build-process.ts <stage> <file>`), which each stage reads and the pages stage
// adds its outcome to. Where the platform has process.execve, each process
// becomes the next (nothing waits beside the pages); without it, the command line
// starts each stage as its child and waits. Why and how much:
// docs/decisions/build-processes.md.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadConfigOptions } from '../config/load.ts';
import { pluralize } from '../contract/view/format.ts';
import type { GateOptions } from '../gate-options.ts';
import type { Logger } from '../lib/logger.ts';
import { type Interrupts, trapInterrupts } from '../lib/interrupts.ts';
import type { CommandOutcome } from '../outcome.ts';
import type { CheckFormat } from '../render/check-report.ts';
import { exitWith, reportError, reportOutcome } from './report.ts';
import { stderrLogger } from './stderr-logger.ts';

/** What one stage of a build hands the next. */
export interface BuildHandoff {
  /**
   * Where the config comes from; the pages stage loads it, so the command
   * line's process does not load the config schema's validator (zod, ~15 MB).
   */
  config: LoadConfigOptions;
  quiet: boolean;
  gate?: GateOptions;
  format: CheckFormat;
  /** When the command started (Date.now()), for the summary line. */
  startedAt: number;
  /** The process that holds the site's locks: the command line's (under execve, the same process as every stage). */
  lockOwner: number;
  /** Added by the pages stage: what it built, and where the site is staged. */
  pages?: CommandOutcome;
}

const STAGES = ['pages', 'index'] as const;
type Stage = (typeof STAGES)[number];

/**
 * V8 settings of the pages stage: a heap that grows by at most 40% after a
 * full collection, and 16 MB semi-spaces, keep its peak low in the same time
 * (not a hard cap: a larger run still gets what it needs). Figures:
 * docs/decisions/build-processes.md.
 */
const STAGE_FLAGS: Record<Stage, readonly string[]> = { pages: ['--heap-growing-percent=40', '--max-semi-space-size=16'], index: [] };

const SCRIPT = fileURLToPath(import.meta.url);

/**
 * Whether a stage can replace its process. CASEBOOK_BUILD_IN_CHILD=1 takes the
 * path of a platform without execve (the tests use it to keep that path working).
 */
function canReplaceProcess(): boolean {
  return typeof process.execve === 'function' && process.env.CASEBOOK_BUILD_IN_CHILD !== '1';
}

function stageCommand(stage: Stage, file: string): string[] {
  return [...STAGE_FLAGS[stage], SCRIPT, stage, file];
}

/** `casebook build` from the command line: resolves to its exit code, unless this process becomes the pages stage. */
export async function runBuild(handoff: BuildHandoff): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casebook-build-'));
  const file = path.join(dir, 'handoff.json');
  await writeFile(file, JSON.stringify(handoff));
  if (canReplaceProcess()) {
    try {
      process.execve!(process.execPath, [process.execPath, ...stageCommand('pages', file)], process.env);
    } catch {
      // execve failed before replacing anything: the stages run as children.
    }
  }
  try {
    for (const stage of STAGES) {
      const code = await runChild(stage, file);
      if (code !== 0 || stage === 'index') return code;
    }
    return 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A stage as a child of this process, stops passed on; resolves to its exit code (128 + the signal's number when a signal ended it). */
function runChild(stage: Stage, file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // Told so, a stage that could replace its process does not (this process starts the next).
    const child = spawn(process.execPath, stageCommand(stage, file), { stdio: 'inherit', env: { ...process.env, CASEBOOK_BUILD_IN_CHILD: '1' } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const done = () => {
      for (const signal of signals) process.off(signal, forward);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      if (signal === 'SIGKILL') process.stderr.write(`casebook build: the ${stage} stage was killed; the system may have run out of memory\n`);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** One stage, in its own process: reads the hand-off, runs the stage, and either becomes the next stage or ends (exit 0: go on). */
async function runStage(stage: Stage, file: string): Promise<number> {
  const handoff = JSON.parse(await readFile(file, 'utf8')) as BuildHandoff;
  const logger = stderrLogger(handoff.quiet);
  const interrupts = trapInterrupts();
  if (canReplaceProcess()) interrupts.add(() => rm(path.dirname(file), { recursive: true, force: true }));
  const next = STAGES[STAGES.indexOf(stage) + 1];
  let code = 1;
  try {
    code = await (stage === 'pages' ? pagesStage(handoff, file, logger, interrupts) : indexStage(handoff, logger, interrupts)).catch((error: unknown) => reportError('build', error, logger));
  } finally {
    // Under execve this process made the hand-off; a command line that waits for its stages removes it itself.
    if ((code !== 0 || !next) && canReplaceProcess()) await rm(path.dirname(file), { recursive: true, force: true });
  }
  if (code !== 0 || !next || !canReplaceProcess()) return code;
  try {
    process.execve!(process.execPath, [process.execPath, ...stageCommand(next, file)], process.env);
  } catch {
    // Refused before replacing anything: the next stage runs in this process.
  }
  return runStage(next, file);
}

/** Loads the config (here, not in the command line: see BuildHandoff.config), builds the pages, and adds what it built to the hand-off. */
async function pagesStage(handoff: BuildHandoff, file: string, logger: Logger, interrupts: Interrupts): Promise<number> {
  const { loadConfig } = await import('../config/load.ts');
  const config = await loadConfig(handoff.config);
  // Said before the rest of the generator loads (~0.3 s), so the build shows it started at once.
  logger.progress(`build: ${pluralize(config.results.length, 'results folder')}${config.cases.length ? `, ${pluralize(config.cases.length, 'cases folder')}` : ''} → ${path.relative(process.cwd(), config.out) || '.'}`);
  const [{ buildSitePages }, { outcomeOf }, { abandonSite }] = await Promise.all([import('../build.ts'), import('../outcome.ts'), import('../write/output-folder.ts')]);
  const built = await buildSitePages(config, logger, { interrupts, lockOwner: handoff.lockOwner });
  try {
    await writeFile(file, JSON.stringify({ ...handoff, pages: outcomeOf(built, handoff.gate) } satisfies BuildHandoff));
  } catch (error) {
    await abandonSite(built.site);
    throw error;
  }
  return 0;
}

/** Indexes what the pages stage staged, puts the site in place, and reports the build. */
async function indexStage(handoff: BuildHandoff, logger: Logger, interrupts: Interrupts): Promise<number> {
  const { indexSite } = await import('../build/index-site.ts');
  const pages = handoff.pages!;
  await indexSite({ site: pages.site!, searchPagesDir: pages.searchPagesDir!, timings: pages.timings }, logger, { interrupts });
  return reportOutcome('build', pages, Date.now() - handoff.startedAt, logger, handoff.format);
}

if (import.meta.main) {
  const [stage, file] = process.argv.slice(2);
  if (!(STAGES as readonly string[]).includes(stage!) || !file) {
    process.stderr.write('build-process.ts <pages|index> <hand-off file>: a stage of `casebook build`, started by it\n');
    process.exitCode = 2;
  } else exitWith(runStage(stage as Stage, file));
}
