// The command line is a thin shell: it parses flags and calls build()/generate()/check().
import { parseArgs } from 'node:util';
import { buildCommand } from '../build/pages-process.ts';
import { exitWith, printDiagnostics, reportError, reportOutcome } from './report.ts';
import type { CasebookConfig } from '../config/schema.ts';
import type { CommandOutcome } from '../outcome.ts';
import { stderrLogger } from './stderr-logger.ts';
import type { LoadConfigOptions } from '../config/load.ts';
import type { GateOptions } from '../gate-options.ts';
import type { Logger } from '../lib/logger.ts';
import { parseGateFlags } from '../gate-options.ts';
import type { CheckFormat } from '../render/check-report.ts';
import { CHECK_FORMATS, formatCheckReport } from '../render/check-report.ts';

const GATE_FLAGS = `  --max-unexplained N   Most failures no known defect explains (default 0; muted ones not counted)
  --min-pass-rate P     Least pass rate in percent, passed / (passed + failed + broken), e.g. 95
  --fail-on-regression  Fail when a defect marked "fixed" still matches failures
  --format FORMAT       text (default), github (GitHub Actions annotations + text) or json`;

const COMMON_FLAGS = `  --results DIR     An allure-results folder; repeat for CI shards (they merge into one run)
  --cases DIR       A folder of written test cases (.md, .yaml, .feature); repeatable
  --defects DIR     A folder of known-defect files (.md); repeatable
  --config FILE     Config file (default: casebook.config.mjs/.js/.json in the current folder)
  --title TEXT      Site title (default: "Test documentation")
  --base-url URL    Where the site is served: https://host/path/ or /path/ (default: /)
  --content DIR     Working folder for the generated content and the parsed-case cache
                    (default: .casebook/content; keep it between CI runs to rebuild faster)
  --templates DIR   Folder of templates that replace the default ones of the same name:
                    test/case/feature.html.hbs, partials/*.html.hbs, overview/features/
                    rejected/coverage.md.hbs
  --requirements FILE  Requirements (YAML or CSV: id, title, url), shown on the coverage page
  --edit-url URL    "Edit this case" links: a URL with {path}, e.g. https://github.com/acme/shop/edit/main/{path}
  --quiet           Print only problems and the final summary line
  -h, --help        Show this help`;

const HELP: Record<string, string> = {
  main: `casebook — living documentation from Allure results

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
`,
  build: `casebook build — results → static site with search

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
`,
  generate: `casebook generate — results → content folder (no site build)

Usage: casebook generate --results DIR [--results DIR ...] [--content DIR] [options]

${COMMON_FLAGS}
`,
  check: `casebook check — quality gate for CI (reads and links only; builds no site)

Usage: casebook check --results DIR [--results DIR ...] [--defects DIR ...] [thresholds]

Matches every failed and broken result against the known defects and prints a
short summary: failures explained per kind, unexplained failures grouped by
error signature, defects marked fixed that still match (regressions), open
defects not seen in this run.

${GATE_FLAGS}
  --results DIR         An allure-results folder; repeat for CI shards
  --defects DIR         A folder of known-defect files (.md); repeatable
  --config FILE         Config file (its results and defects are used)
  --quiet               Print no progress
  -h, --help            Show this help

Exit codes: 0 every threshold holds; 1 a threshold is broken (named in the
output); 2 wrong flags or values; 3 the input cannot be used (no valid result,
bad config).
`,
};

export async function main(argv: string[]): Promise<number> {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : undefined;
  const rest = command ? argv.slice(1) : argv;
  if (command === 'scaffold') return (await import('../scaffold/cli.ts')).scaffoldCommand(rest);
  if (!command || !(command in HELP) || command === 'main') {
    const wantsHelp = rest.includes('--help') || rest.includes('-h') || !command;
    process[wantsHelp ? 'stdout' : 'stderr'].write(HELP.main as string);
    if (command) process.stderr.write(`\nunknown command "${command}"\n`);
    return wantsHelp && !command ? 0 : 2;
  }
  // biome-ignore lint/suspicious/noImplicitAnyLet: parseArgs' type comes from its options, written inside the try below
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        results: { type: 'string', multiple: true },
        cases: { type: 'string', multiple: true },
        defects: { type: 'string', multiple: true },
        out: { type: 'string' },
        config: { type: 'string' },
        title: { type: 'string' },
        'base-url': { type: 'string' },
        content: { type: 'string' },
        templates: { type: 'string' },
        requirements: { type: 'string' },
        'edit-url': { type: 'string' },
        quiet: { type: 'boolean' },
        gate: { type: 'boolean' },
        'max-unexplained': { type: 'string' },
        'min-pass-rate': { type: 'string' },
        'fail-on-regression': { type: 'boolean' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`casebook ${command}: ${(error as Error).message}\nRun "casebook ${command} --help" for the options.\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(HELP[command] as string);
    return 0;
  }
  let gate: GateOptions | undefined;
  const format = (values.format ?? 'text') as CheckFormat;
  try {
    const gateFlags = ['max-unexplained', 'min-pass-rate', 'fail-on-regression', 'format'] as const;
    const given = gateFlags.filter((f) => values[f] !== undefined);
    if (command === 'generate' && (values.gate || given.length)) throw new Error(`--${values.gate ? 'gate' : given[0]} is for "casebook check" and "casebook build --gate"`);
    if (command === 'build' && !values.gate && given.length) throw new Error(`--${given[0]} needs --gate`);
    if (command === 'check' && (values.gate || values.out !== undefined)) throw new Error(`casebook check builds no site: --${values.gate ? 'gate' : 'out'} is not used`);
    if (!CHECK_FORMATS.includes(format)) throw new Error(`--format: expected ${CHECK_FORMATS.join(', ')}, got "${values.format}"`);
    if (command === 'check' || values.gate) gate = parseGateFlags(values);
  } catch (error) {
    process.stderr.write(`casebook ${command}: ${(error as Error).message}\nRun "casebook ${command} --help" for the options.\n`);
    return 2;
  }
  const logger = stderrLogger(values.quiet ?? false);
  const startedAt = Date.now();
  try {
    const configFrom: LoadConfigOptions = {
      file: values.config,
      overrides: {
        results: values.results,
        cases: values.cases,
        defects: values.defects,
        out: command === 'build' ? values.out : undefined,
        title: values.title,
        baseUrl: values['base-url'],
        content: values.content,
        templates: values.templates,
        requirements: values.requirements,
        editUrl: values['edit-url'],
      },
    };
    // A build loads its config in its pages process (see PagesRequest).
    if (command === 'build') return await buildCommand({ request: { config: configFrom, quiet: values.quiet ?? false, lockOwner: process.pid, ...(gate ? { gate } : {}) }, format, startedAt });
    // Loaded when used: the command line's own process stays small while a build's pages process works.
    const config = await (await import('../config/load.ts')).loadConfig(configFrom);
    if (command === 'check') {
      const { check } = await import('../check.ts');
      const { report: verdict, diagnostics } = await check(config, gate, logger);
      printDiagnostics(diagnostics, logger);
      process.stdout.write(formatCheckReport(verdict, format));
      return verdict.exitCode;
    }
    return await reportOutcome(command, await generateContent(config, logger), Date.now() - startedAt, logger, format);
  } catch (error) {
    return reportError(command, error, logger);
  }
}

async function generateContent(config: CasebookConfig & { configFile?: string }, logger: Logger): Promise<CommandOutcome> {
  const [{ generate }, { outcomeOf }, { prepareContent, unlockFolders }] = await Promise.all([import('../generate.ts'), import('../outcome.ts'), import('../write/output-folder.ts')]);
  const lock = await prepareContent(config);
  try {
    return outcomeOf(await generate(config, logger));
  } finally {
    await unlockFolders([lock], process.pid);
  }
}

if (import.meta.main) exitWith(main(process.argv.slice(2)));
