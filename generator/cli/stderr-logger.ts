// The command line's logger: progress on one rewritten line when stderr is a
// terminal, a line per step otherwise (CI logs); --quiet keeps only the outcome.
// Every message is made printable (terminal-text.ts): a message is one line, and
// may carry names and messages from the results.
import type { Logger } from '../lib/logger.ts';
import { printable } from '../lib/terminal-text.ts';

export function stderrLogger(quiet: boolean): Logger {
  const tty = process.stderr.isTTY;
  let open = false;
  const clear = () => {
    if (open) process.stderr.write('\r\x1b[K');
    open = false;
  };
  return {
    progress(message) {
      if (quiet) return;
      if (tty) {
        clear();
        process.stderr.write(printable(message).slice(0, (process.stderr.columns || 100) - 1));
        open = true;
      } else process.stderr.write(`${printable(message)}\n`);
    },
    info(message) {
      clear();
      process.stderr.write(`${printable(message)}\n`);
    },
    warn(message) {
      clear();
      process.stderr.write(`${printable(message)}\n`);
    },
  };
}
