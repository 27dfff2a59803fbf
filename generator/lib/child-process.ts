// One request to a Node child process, one reply, then the child ends: how
// Casebook runs work whose memory must be returned once it is done (a process
// gives its heap back when it exits; a worker thread's stays in the process).
// The parent calls askChild(); the child's script calls answerParent().
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export interface ChildEnd<R> {
  /** Absent when the child ended without answering (it crashed, or was killed). */
  reply?: R;
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Starts `script` with `execArgv` (none of this process's), sends it `request`, and resolves when it has ended. */
export function askChild<Q, R>(script: URL, request: Q, execArgv: readonly string[] = []): Promise<ChildEnd<R>> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(script), [], { execArgv: [...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
    let reply: R | undefined;
    // A stop of this process is the child's stop too: it cleans up after itself and ends.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, forward);
    const unforward = () => {
      for (const signal of FORWARDED) process.off(signal, forward);
    };
    child.once('message', (message: R) => (reply = message));
    child.once('error', (error) => {
      unforward();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      unforward();
      resolve({ ...(reply === undefined ? {} : { reply }), code, signal });
    });
    child.send(request as object);
  });
}

/** The child's side: handles the one request, sends back what `handle` returns, and exits. */
export function answerParent<Q, R>(handle: (request: Q) => Promise<R>): void {
  process.once('message', async (request: Q) => {
    const reply = await handle(request);
    process.send!(reply, () => process.exit(0));
  });
}

/** "signal SIGKILL" / "exit code 1": how a child that did not answer ended. */
export function howItEnded(end: Pick<ChildEnd<unknown>, 'code' | 'signal'>): string {
  return end.signal ? `signal ${end.signal}` : `exit code ${end.code}`;
}
