// `casebook build` runs as a relay of processes: the command line, then the
// pages (generate, Astro, frame), then the search index and the report, so the
// run's model and Pagefind never hold memory at once. Where the platform has
// process.execve, each stage replaces the one before (nothing waits beside the
// pages); without it, the command line forks the pages process and finishes
// the build itself. Why and how much: docs/decisions/build-processes.md.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { askChild, howItEnded, type ChildEnd } from '../lib/child-process.ts';
import { reportError, reportOutcome } from '../cli/report.ts';
import type { LoadConfigOptions } from '../config/load.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { GateOptions } from '../gate-options.ts';
import type { CommandOutcome } from '../outcome.ts';
import type { CheckFormat } from '../render/check-report.ts';
import { stderrLogger } from '../cli/stderr-logger.ts';
import { indexWithPagefind } from './pagefind.ts';
import { trapInterrupts } from '../lib/interrupts.ts';
import { abandonSite, commitSite } from '../write/output-folder.ts';

export interface PagesRequest {
  /**
   * Where the config comes from; the pages process loads it, so the command
   * line's process does not load the config schema's validator (zod, ~15 MB).
   */
  config: LoadConfigOptions;
  quiet: boolean;
  gate?: GateOptions;
  /** The process that holds the site's locks: the command line's (under execve, the same process as every stage). */
  lockOwner: number;
}

/** The build command's state, handed from process to process. */
export interface BuildStage {
  request: PagesRequest;
  format: CheckFormat;
  /** When the command started (Date.now()), for the summary line. */
  startedAt: number;
}

export type PagesReply = { outcome: CommandOutcome } | { error: { known: boolean; message: string; hint?: string; exitCode?: number } };

/**
 * V8 settings of the pages process: a heap that grows by at most 40% after a
 * full collection, and 16 MB semi-spaces, keep its peak low in the same time
 * (not a hard cap: a larger run still gets what it needs). Figures:
 * docs/decisions/build-processes.md.
 */
export const PAGES_PROCESS_FLAGS = ['--heap-growing-percent=40', '--max-semi-space-size=16'];

const PAGES_SCRIPT = new URL('./pages-child.ts', import.meta.url);
const FINISH_SCRIPT = new URL('./finish-child.ts', import.meta.url);
/** How the command line hands the stage to the pages process it becomes. */
const STAGE_ENV = 'CASEBOOK_BUILD_STAGE';

/**
 * Whether a stage can replace its process. CASEBOOK_BUILD_IN_CHILD=1 takes the
 * path of a platform without execve (the tests use it to keep that path working).
 */
function canReplaceProcess(): boolean {
  return typeof process.execve === 'function' && process.env.CASEBOOK_BUILD_IN_CHILD !== '1';
}

/** Replaces this process with Node running `script`; returns only if the platform refused. */
function replaceProcess(script: URL, flags: readonly string[], args: readonly string[], env: NodeJS.ProcessEnv): void {
  try {
    process.execve!(process.execPath, [process.execPath, ...flags, fileURLToPath(script), ...args], env);
  } catch {
    // execve failed before replacing anything: the caller goes on in this process.
  }
}

/** `casebook build` from the command line; resolves to its exit code, unless this process becomes the pages process. */
export async function buildCommand(stage: BuildStage): Promise<number> {
  if (canReplaceProcess()) replaceProcess(PAGES_SCRIPT, PAGES_PROCESS_FLAGS, [], { ...process.env, [STAGE_ENV]: JSON.stringify(stage) });
  const end = await askChild<PagesRequest, PagesReply>(PAGES_SCRIPT, stage.request, PAGES_PROCESS_FLAGS);
  return finishBuild(end.reply ?? endedEarly(end), stage);
}

/** In the pages process: the stage the command line handed over, if it became this process (and not its parent). */
export function takeStage(): BuildStage | undefined {
  const text = process.env[STAGE_ENV];
  // Not passed on to Astro's and Pagefind's processes.
  delete process.env[STAGE_ENV];
  return text ? (JSON.parse(text) as BuildStage) : undefined;
}

/** In the pages process, once the pages are built: becomes the process that indexes them and reports (the reply goes through a file: diagnostics can be many). */
export async function passOn(reply: PagesReply, stage: BuildStage): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'casebook-build-'));
  const file = path.join(dir, 'stage.json');
  await writeFile(file, JSON.stringify({ stage, reply }));
  replaceProcess(FINISH_SCRIPT, [], [file], process.env);
  // Still this process: finish here, with the reply at hand.
  await rm(dir, { recursive: true, force: true });
  return finishBuild(reply, stage);
}

/** In the last process: the search index and the report, from what the pages process left in `file`. */
export async function finishFrom(file: string): Promise<number> {
  const { stage, reply } = JSON.parse(await readFile(file, 'utf8')) as { stage: BuildStage; reply: PagesReply };
  await rm(path.dirname(file), { recursive: true, force: true });
  return finishBuild(reply, stage);
}

/** The search index, then what the build did; bugs (not a CasebookError) are thrown on. */
async function finishBuild(reply: PagesReply, stage: BuildStage): Promise<number> {
  const logger = stderrLogger(stage.request.quiet);
  const site = 'outcome' in reply ? reply.outcome.site : undefined;
  const forget = site ? trapInterrupts().add(() => abandonSite(site)) : () => {};
  try {
    if ('error' in reply) {
      const { known, message, hint, exitCode } = reply.error;
      throw known ? new CasebookError(message, { ...(hint ? { hint } : {}), ...(exitCode !== undefined ? { exitCode } : {}) }) : new Error(`the build process failed:\n${message}`);
    }
    const { outcome } = reply;
    await indexWithPagefind({ outDir: site!.staging, searchPagesDir: outcome.searchPagesDir }, outcome.timings, logger);
    await commitSite(site!);
    forget();
    return await reportOutcome('build', outcome, Date.now() - stage.startedAt, logger, stage.format);
  } catch (error) {
    if (site) await abandonSite(site);
    return reportError('build', error, logger);
  }
}

/** A forked pages process that ended without a reply: killed (out of memory, a signal) before it could say why. */
function endedEarly(end: ChildEnd<unknown>): PagesReply {
  const hint = end.signal === 'SIGKILL' ? 'the system may have run out of memory' : undefined;
  return { error: { known: true, message: `the build process ended before it finished (${howItEnded(end)})`, ...(hint ? { hint } : {}) } };
}
