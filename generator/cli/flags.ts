// What build, generate and check share: their flags, the help text of those
// flags, and the config the flags describe.
import { parseArgs } from 'node:util';
import type { LoadConfigOptions } from '../config/load.ts';
import { type GateOptions, parseGateFlags } from '../gate-options.ts';
import { CHECK_FORMATS, type CheckFormat } from '../render/check-report.ts';

export const GATE_FLAGS = `  --max-unexplained N   Most failures no known defect explains (default 0; muted ones not counted)
  --min-pass-rate P     Least pass rate in percent, passed / (passed + failed + broken), e.g. 95
  --fail-on-regression  Fail when a defect marked "fixed" still matches failures
  --max-new-failures N  Most tests failing now that did not fail in the previous run of
                        the history (needs --history; not checked otherwise)
  --format FORMAT       text (default), github (GitHub Actions annotations + text) or json`;

export const COMMON_FLAGS = `  --results DIR     An allure-results folder; repeat for CI shards (they merge into one run)
  --cases DIR       A folder of written test cases (.md, .yaml, .feature); repeatable
  --defects DIR     A folder of known-defect files (.md); repeatable
  --config FILE     Config file (default: casebook.config.mjs/.js/.json in the current folder)
  --title TEXT      Site title (default: "Test documentation")
  --base-url URL    Where the site is served: https://host/path/ or /path/ (default: /)
  --content DIR     Working folder for the generated content and the parsed-case cache
                    (default: .casebook/content; keep it between CI runs to rebuild faster)
  --templates DIR   Folder of templates that replace the default ones of the same name:
                    test/case/feature/changes/flaky/unexplained/rejected.html.hbs,
                    partials/*.html.hbs, overview/features/coverage.md.hbs
  --history SOURCE  Earlier runs: the previous site's folder (or its history/), or the
                    https:// URL of the published site; the diff and trends come from it
  --history-limit N Runs the history keeps (default 50)
  --no-history-append  Compare with the history, but publish it without this run (pull requests)
  --requirements FILE  Requirements (YAML or CSV: id, title, url), shown on the coverage page
  --edit-url URL    "Edit this case" links: a URL with {path}, e.g. https://github.com/acme/shop/edit/main/{path}
  --quiet           Print only problems and the final summary line
  -h, --help        Show this help`;

export type CommandName = 'build' | 'generate' | 'check';

export interface CommandFlags {
  values: ReturnType<typeof parseFlags>['values'];
  gate?: GateOptions;
  format: CheckFormat;
}

function parseFlags(args: string[]) {
  return parseArgs({
    args,
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
      history: { type: 'string' },
      'history-limit': { type: 'string' },
      'no-history-append': { type: 'boolean' },
      'max-new-failures': { type: 'string' },
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
  });
}

/** The flags of `command`, checked; or the exit code (2) after saying what is wrong, or 0 after the help. */
export function commandFlags(command: CommandName, args: string[], help: string): CommandFlags | number {
  const fail = (error: unknown) => {
    process.stderr.write(`casebook ${command}: ${(error as Error).message}\nRun "casebook ${command} --help" for the options.\n`);
    return 2;
  };
  let values: CommandFlags['values'];
  try {
    ({ values } = parseFlags(args));
  } catch (error) {
    return fail(error);
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const format = (values.format ?? 'text') as CheckFormat;
  try {
    const gateFlags = ['max-unexplained', 'min-pass-rate', 'fail-on-regression', 'max-new-failures', 'format'] as const;
    const given = gateFlags.filter((f) => values[f] !== undefined);
    if (command === 'generate' && (values.gate || given.length)) throw new Error(`--${values.gate ? 'gate' : given[0]} is for "casebook check" and "casebook build --gate"`);
    if (command === 'build' && !values.gate && given.length) throw new Error(`--${given[0]} needs --gate`);
    if (command === 'check' && (values.gate || values.out !== undefined)) throw new Error(`casebook check builds no site: --${values.gate ? 'gate' : 'out'} is not used`);
    if (!CHECK_FORMATS.includes(format)) throw new Error(`--format: expected ${CHECK_FORMATS.join(', ')}, got "${values.format}"`);
    const gate = command === 'check' || values.gate ? parseGateFlags(values) : undefined;
    return { values, format, ...(gate ? { gate } : {}) };
  } catch (error) {
    return fail(error);
  }
}

/** Where the config comes from: the config file, with the flags over it. */
export function configFrom(command: CommandName, values: CommandFlags['values']): LoadConfigOptions {
  return {
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
      history: values.history,
      historyLimit: values['history-limit'] === undefined ? undefined : Number(values['history-limit']),
      historyAppend: values['no-history-append'] ? false : undefined,
    },
  };
}
