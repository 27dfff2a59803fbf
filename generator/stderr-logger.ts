// The command line's logger: progress on one rewritten line when stderr is a
// terminal, a line per step otherwise (CI logs); --quiet keeps only the outcome.
import type { Logger } from './logger.ts';

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
        process.stderr.write(message.slice(0, (process.stderr.columns || 100) - 1));
        open = true;
      } else process.stderr.write(`${message}\n`);
    },
    info(message) {
      clear();
      process.stderr.write(`${message}\n`);
    },
    warn(message) {
      clear();
      process.stderr.write(`${message}\n`);
    },
  };
}
