// `casebook scaffold ID --framework F`: flags → scaffold(). Prints the files, or writes them with --out.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { FRAMEWORKS, scaffold } from './index.ts';

export const SCAFFOLD_HELP = `casebook scaffold — a test skeleton for a written test case

Usage: casebook scaffold ID --framework FRAMEWORK [--cases DIR ...] [--out DIR]

Finds the case whose id is ID in the cases folders and prints a test for it:
the Allure id label (so the result links back to the case), the title and
labels, and each written step as the framework's Allure step call with its
expected result as a comment. Replace the TODO comments with the real code.

  --framework NAME  One of: ${FRAMEWORKS.join(', ')}
  --cases DIR       A folder of written test cases; repeatable (default: the config file's)
  --out DIR         Write the file(s) under DIR instead of printing them (never overwrites)
  --config FILE     Config file (default: casebook.config.mjs/.js/.json in the current folder)
  -h, --help        Show this help

Exit codes: 0 done; 1 no such case, or a file would be overwritten; 2 wrong flags.
`;

export interface ScaffoldIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: ScaffoldIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };

export async function scaffoldCommand(args: string[], io: ScaffoldIo = processIo): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: parseArgs' type comes from its options, written inside the try below
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        framework: { type: 'string', short: 'f' },
        cases: { type: 'string', multiple: true },
        out: { type: 'string' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`casebook scaffold: ${(error as Error).message}\nRun "casebook scaffold --help" for the options.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(SCAFFOLD_HELP);
    return 0;
  }
  if (positionals.length !== 1 || !values.framework) {
    io.stderr(`casebook scaffold: ${positionals.length !== 1 ? 'name exactly one case id' : '--framework is required'}\n\n${SCAFFOLD_HELP}`);
    return 2;
  }
  try {
    // scaffold reads no results; the placeholder only satisfies the config schema.
    const config = await loadConfig({ file: values.config, overrides: { cases: values.cases, results: ['.'] } });
    const outcome = await scaffold({ id: positionals[0] as string, framework: values.framework, cases: config.cases, out: values.out });
    if (outcome.written.length) {
      io.stderr(`casebook scaffold: ${outcome.case.id} (${outcome.case.file}) → ${outcome.written.join(', ')}\n`);
    } else if (outcome.files.length === 1) {
      io.stdout(outcome.files[0]!.content);
    } else {
      io.stdout(outcome.files.map((f) => `==> ${f.path} <==\n${f.content}`).join('\n'));
    }
    return 0;
  } catch (error) {
    if (error instanceof CasebookError) {
      io.stderr(`casebook scaffold: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}\n`);
      return error.message.startsWith('unknown framework') ? 2 : 1;
    }
    throw error;
  }
}
