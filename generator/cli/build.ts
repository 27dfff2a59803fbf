// `casebook build`: the whole pipeline into a static site (its processes: cli/build-process.ts).
import { runBuild } from './build-process.ts';
import { COMMON_FLAGS, commandFlags, configFrom, GATE_FLAGS } from './flags.ts';

const HELP = `casebook build — results → static site with search

Usage: casebook build --results DIR [--results DIR ...] --out DIR [options]

  --out DIR         Where the static site is written (default: casebook-site)
${COMMON_FLAGS}

  --gate            After writing the site, run the quality gate of "casebook check"
                    with the thresholds below, so one CI step publishes and then fails
${GATE_FLAGS}

Writes summary.json at the root of the site. The site is built beside --out and
replaces it only when the whole build succeeded. --out must be new, empty or a site
Casebook built; a folder of other files, an input folder, /, your home folder or a
folder holding the current one is refused (exit 2), and so is a second build into
the same folder at once.

Exits 1 when no valid result was found or the site could not be built, or (with
--gate) when a threshold is broken; rejected input files are listed, not fatal.
`;

export async function buildCli(args: string[]): Promise<number> {
  const flags = commandFlags('build', args, HELP);
  if (typeof flags === 'number') return flags;
  const { values, gate, format } = flags;
  // A build loads its config in its pages stage (see BuildHandoff.config).
  return runBuild({ config: configFrom('build', values), quiet: values.quiet ?? false, format, startedAt: Date.now(), lockOwner: process.pid, ...(gate ? { gate } : {}) });
}
