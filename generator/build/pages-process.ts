// `casebook build` builds its pages in a process of its own and indexes them
// from the command line's process afterwards. The pages need the run's model
// (~300 MB at 10,000 results, ~2.6 GB at 100,000) and Pagefind needs about as
// much again; a Node process does not hand its heap back to the system once
// it has grown, so only ending the process keeps the two from adding up.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GateOptions } from '../gate-options.ts';
import type { CasebookConfig } from '../config/schema.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { CommandOutcome } from '../outcome.ts';

export interface PagesRequest {
  config: CasebookConfig;
  quiet: boolean;
  gate?: GateOptions;
}

export type PagesReply = { outcome: CommandOutcome } | { error: { known: boolean; message: string; hint?: string } };

/**
 * V8 settings of the pages process: none. A smaller young generation
 * (--max-semi-space-size=4, which helps Astro's process) promotes short-lived
 * garbage early here: 530 MB instead of 400 MB at 10,000 results, and rendering
 * 100,000 results took 51 s instead of 19 s in major collections.
 */
export const PAGES_PROCESS_FLAGS: string[] = [];

export function buildPagesInChild(request: PagesRequest): Promise<CommandOutcome & { outDir: string }> {
  const script = fileURLToPath(new URL('./pages-child.ts', import.meta.url));
  const child = fork(script, [], { execArgv: PAGES_PROCESS_FLAGS, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  return new Promise((resolve, reject) => {
    let reply: PagesReply | undefined;
    child.once('message', (message: PagesReply) => (reply = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (reply && 'outcome' in reply) resolve(reply.outcome as CommandOutcome & { outDir: string });
      else if (reply) {
        const { known, message, hint } = reply.error;
        reject(known ? new CasebookError(message, hint ? { hint } : {}) : new Error(`the build process failed:\n${message}`));
      } else {
        // Killed (out of memory, a signal) before it could say why.
        reject(new CasebookError(`the build process ended before it finished (${signal ? `signal ${signal}` : `exit code ${code}`})`, {
          hint: signal === 'SIGKILL' ? 'the system may have run out of memory' : undefined,
        }));
      }
    });
    child.send(request);
  });
}
