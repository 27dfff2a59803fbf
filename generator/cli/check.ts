// `casebook check`: the quality gate for CI; reads and links only.
import { formatCheckReport } from '../render/check-report.ts';
import { commandFlags, configFrom, GATE_FLAGS } from './flags.ts';
import { printDiagnostics, reportError } from './report.ts';
import { stderrLogger } from './stderr-logger.ts';

const HELP = `casebook check — quality gate for CI (reads and links only; builds no site)

Usage: casebook check --results DIR [--results DIR ...] [--defects DIR ...] [thresholds]

Matches every failed and broken result against the known defects and prints a
short summary: failures explained per kind, unexplained failures grouped by
error signature, defects marked fixed that still match (regressions), open
defects not seen in this run.

${GATE_FLAGS}
  --results DIR         An allure-results folder; repeat for CI shards
  --defects DIR         A folder of known-defect files (.md); repeatable
  --history SOURCE      Earlier runs, for --max-new-failures: a site's folder (or its
                        history/) or the https:// URL of the published site
  --config FILE         Config file (its results, defects and history are used)
  --quiet               Print no progress
  -h, --help            Show this help

Exit codes: 0 every threshold holds; 1 a threshold is broken (named in the
output); 2 wrong flags or values; 3 the input cannot be used (no valid result,
bad config).
`;

export async function checkCli(args: string[]): Promise<number> {
  const flags = commandFlags('check', args, HELP);
  if (typeof flags === 'number') return flags;
  const { values, gate, format } = flags;
  const logger = stderrLogger(values.quiet ?? false);
  try {
    const config = await (await import('../config/load.ts')).loadConfig(configFrom('check', values));
    const { check } = await import('../check.ts');
    const { report: verdict, diagnostics } = await check(config, gate, logger);
    printDiagnostics(diagnostics, logger);
    process.stdout.write(formatCheckReport(verdict, format));
    return verdict.exitCode;
  } catch (error) {
    return reportError('check', error, logger);
  }
}
