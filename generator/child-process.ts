// One request to a Node child process, one reply, then the child ends: how
// Casebook runs work whose memory must be returned once it is done (a process
// gives its heap back when it exits; a worker thread's stays in the process).
// The parent calls askChild(); the child's script calls answerParent().
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
    child.once('message', (message: R) => (reply = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ ...(reply === undefined ? {} : { reply }), code, signal }));
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
