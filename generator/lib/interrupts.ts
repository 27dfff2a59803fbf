// What a stopped command cleans up before it ends: a staging folder, its locks,
// the processes it started. The command line traps the signals and passes the
// registry to the library, which never exits the process itself.
import { constants } from 'node:os';

export interface Interrupts {
  /** Registers a cleanup for a stop; returns a function that unregisters it. */
  add(cleanup: () => Promise<void> | void): () => void;
}

/** A registry that nothing triggers (library use without a command line). */
export const noInterrupts: Interrupts = { add: () => () => {} };

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * On SIGINT, SIGTERM or SIGHUP: runs the cleanups, newest first, then ends
 * the process with 128 + the signal's number, as a shell reports a stopped
 * command. A second signal while cleaning up is ignored.
 */
export function trapInterrupts(): Interrupts {
  const cleanups = new Set<() => Promise<void> | void>();
  let stopping = false;
  const stop = async (signal: (typeof SIGNALS)[number]) => {
    if (stopping) return;
    stopping = true;
    for (const cleanup of [...cleanups].reverse()) await Promise.resolve().then(cleanup).catch(() => undefined);
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  for (const signal of SIGNALS) process.on(signal, () => void stop(signal));
  return {
    add(cleanup) {
      cleanups.add(cleanup);
      return () => cleanups.delete(cleanup);
    },
  };
}
