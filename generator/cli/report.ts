// What `casebook build` and `casebook generate` tell the user at the end: the
// diagnostics, the summary line, the gate's report and the exit code. Shared by
// the command line and the last process of a build (see cli/build-process.ts).
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { CasebookError, sortDiagnostics } from '../diagnostics/diagnostic.ts';
import type { Logger } from '../lib/logger.ts';
import type { CommandOutcome } from '../outcome.ts';
import type { CheckFormat } from '../render/check-report.ts';
import { formatCheckReport } from '../render/check-report.ts';
import { formatDuration } from '../contract/view/format.ts';

export function printDiagnostics(list: readonly Diagnostic[], logger: Logger): void {
  const shown = sortDiagnostics(list).filter((d) => d.severity !== 'info');
  for (const d of shown.slice(0, 50)) {
    logger.warn(`${d.severity === 'error' ? 'rejected' : 'warning'}: ${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`);
  }
  if (shown.length > 50) logger.warn(`… and ${shown.length - 50} more; all are listed in summary.json and on the "Rejected input" page`);
}

/** What a build or generate did: its diagnostics and summary line, then the gate's report; returns the exit code. */
export async function reportOutcome(command: string, outcome: CommandOutcome, tookMs: number, logger: Logger, format: CheckFormat): Promise<number> {
  printDiagnostics(outcome.diagnostics, logger);
  const t = outcome.totals;
  const target = outcome.outDir ? `site in ${outcome.outDir}` : `content in ${outcome.contentDir}`;
  const where = target.replace(`${process.cwd()}${path.sep}`, '');
  logger.info(
    `casebook ${command}: ${t.total} tests (${t.passed} passed, ${t.failed} failed, ${t.broken} broken, ${t.skipped} skipped${t.unknown ? `, ${t.unknown} unknown` : ''}, ${t.flaky} flaky), ` +
      `${outcome.features} features, ${outcome.rejected} rejected → ${where} in ${formatDuration(tookMs)}`,
  );
  if (process.env.CASEBOOK_TIMINGS_FILE) {
    const rounded = Object.fromEntries(Object.entries(outcome.timings).map(([k, v]) => [k, Math.round(v ?? 0)]));
    await writeFile(process.env.CASEBOOK_TIMINGS_FILE, `${JSON.stringify(rounded)}\n`);
  }
  if (outcome.gate) {
    process.stdout.write(formatCheckReport(outcome.gate, format));
    return outcome.gate.exitCode;
  }
  return 0;
}

/**
 * A CasebookError (input the command cannot use) as the user reads it; returns
 * the exit code (check's 1 means "a threshold is broken", so its input errors
 * are 3). Any other error is a bug and is thrown on.
 */
export function reportError(command: string, error: unknown, logger: Logger): number {
  if (!(error instanceof CasebookError)) throw error;
  // The logger keeps each message on one line; a message of several lines (a config's issues) is several messages.
  const [first, ...more] = error.message.split('\n');
  logger.warn(`casebook ${command}: ${first}`);
  for (const line of more) logger.warn(line);
  if (error.hint) logger.warn(`  hint: ${error.hint}`);
  return error.exitCode ?? (command === 'check' ? 3 : 1);
}

/** Ends a command's process (the command line or a stage of a build) with the code `run` resolves to; a bug (an error `run` throws) is reported and ends it with 70. */
export function exitWith(run: Promise<number>): void {
  run.then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`casebook: unexpected error (a bug; please report it):\n${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
