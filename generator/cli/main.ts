// The command line is a thin shell: it finds the command and hands it its
// flags; each command (one file each in cli/) parses them and calls the API.
import { exitWith } from './report.ts';

const HELP = `casebook — living documentation from Allure results

Usage:
  casebook build --results DIR [--results DIR ...] [--out DIR] [options]
  casebook generate --results DIR [--results DIR ...] [options]
  casebook check --results DIR [--results DIR ...] [--defects DIR] [thresholds]
  casebook scaffold ID --framework FRAMEWORK [--cases DIR ...] [--out DIR]
  casebook <command> --help

Commands:
  build      Read the results, write the pages, build the static site and its search index
  generate   Read the results and write the content only (no site build)
  scaffold   Print (or write) a test skeleton for a written test case, in vitest, jest, mocha,
             playwright, cucumber, pytest or junit5
  check      Quality gate for CI: match failures to known defects, exit 1 when a threshold is broken
`;

const COMMANDS: Record<string, () => Promise<(args: string[]) => Promise<number>>> = {
  build: async () => (await import('./build.ts')).buildCli,
  generate: async () => (await import('./generate.ts')).generateCli,
  check: async () => (await import('./check.ts')).checkCli,
  scaffold: async () => (await import('../scaffold/cli.ts')).scaffoldCommand,
};

export async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : undefined;
  const rest = command ? argv.slice(1) : argv;
  const load = command && Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load) return (await load())(rest);
  const wantsHelp = rest.includes('--help') || rest.includes('-h') || !command;
  process[wantsHelp ? 'stdout' : 'stderr'].write(HELP);
  if (command) process.stderr.write(`\nunknown command "${command}"\n`);
  return wantsHelp && !command ? 0 : 2;
}

if (import.meta.main) exitWith(main(process.argv.slice(2)));
