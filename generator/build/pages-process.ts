// `casebook build` builds its pages in a process of its own and indexes them
// from the command line's process afterwards. The pages need the run's model
// (~300 MB at 10,000 results, ~2.6 GB at 100,000) and Pagefind needs about as
// much again; a Node process does not hand its heap back to the system once
// it has grown, so only ending the process keeps the two from adding up.
import { askChild, howItEnded } from '../child-process.ts';
import type { GateOptions } from '../gate-options.ts';
import type { LoadConfigOptions } from '../config/load.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { CommandOutcome } from '../outcome.ts';

export interface PagesRequest {
  /**
   * Where the config comes from; the pages process loads it, so the command
   * line's process, waiting beside it, does not load the config schema's
   * validator (zod: ~15 MB of the ~66 MB it held while the pages were built).
   */
  config: LoadConfigOptions;
  quiet: boolean;
  gate?: GateOptions;
}

export type PagesReply = { outcome: CommandOutcome } | { error: { known: boolean; message: string; hint?: string } };

/**
 * V8 settings of the pages process. Rendering leaves garbage in the old
 * generation, and V8 lets the heap grow to several times what is live before
 * collecting it: at 100,000 results the process reached 2.6 GB, while capped at
 * 1.6 GB it still finished. Growing the heap by at most 40% after each full
 * collection kept it at 2.1 GB for ~3 s more of rendering; at 10,000 results
 * it changes nothing. Not a hard cap: a larger run still gets the memory it needs.
 *
 * The young generation: on a machine with this much memory V8 sizes its
 * semi-spaces up to 64 MB; at 16 MB the process peaked at 330–360 MB instead of
 * 450–460 MB at 10,000 results (two runs each, 0.25 s sampling), in the same
 * time, and the same at 100,000 (1.53 GB, render 20.7 s vs 20.1 s). 8 and 12 MB
 * gave no less; 4 MB cost 130 MB more at 10,000 and rendering 100,000 took 51 s
 * instead of 19 s.
 */
export const PAGES_PROCESS_FLAGS = ['--heap-growing-percent=40', '--max-semi-space-size=16'];

export async function buildPagesInChild(request: PagesRequest): Promise<CommandOutcome & { outDir: string }> {
  const end = await askChild<PagesRequest, PagesReply>(new URL('./pages-child.ts', import.meta.url), request, PAGES_PROCESS_FLAGS);
  const reply = end.reply;
  if (reply && 'outcome' in reply) return reply.outcome as CommandOutcome & { outDir: string };
  if (reply) {
    const { known, message, hint } = reply.error;
    throw known ? new CasebookError(message, hint ? { hint } : {}) : new Error(`the build process failed:\n${message}`);
  }
  // Killed (out of memory, a signal) before it could say why.
  throw new CasebookError(`the build process ended before it finished (${howItEnded(end)})`, {
    hint: end.signal === 'SIGKILL' ? 'the system may have run out of memory' : undefined,
  });
}
