// Known-defect files: Markdown with YAML front matter, one defect per file,
// checked with zod as the case readers' fields are. Every problem is a
// diagnostic with the file and the line of the offending key; a file with an error is left out (its failures stay unexplained), the
// other files are used.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, inputFileReason, listFolderEntries, readInputText } from '../input-file.ts';
import { isMap } from 'yaml';
import { z } from 'zod';
import { lineOfPath, parseYaml } from '../yaml.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import { compileWholeMatch } from '../../model/patterns.ts';
import type { Defect } from '../../model/defects.ts';
import { DEFECT_KINDS, DEFECT_STATUSES, FAILURE_STATUSES } from '../../model/defects.ts';
import { slugClaims, slugify } from '../../model/identity.ts';
import { safeUrl } from '../../markdown/fragments.ts';

/** The folder as the user named it: relative to the working directory when below it. */
function folderLabel(folder: string): string {
  const relative = path.relative(process.cwd(), folder) || '.';
  return relative.startsWith('..') ? folder : relative;
}

/** Reads every `*.md` file below the folders (README.md aside), in folder order then path order. */
export async function readDefectFolders(folders: readonly string[], diagnostics: DiagnosticSink, maxBytes = DEFAULT_LIMITS.textFileBytes): Promise<Defect[]> {
  const defects: Defect[] = [];
  const seen = new Map<string, Defect>();
  const claimSlug = slugClaims();
  for (const folder of folders) {
    const label = folderLabel(folder);
    let files: string[];
    let real: string;
    try {
      if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
      real = await realpath(folder);
      // A README.md explains the folder to people; it is not a defect.
      files = (await listFolderEntries(real, ['**/[Rr][Ee][Aa][Dd][Mm][Ee].md'])).map((e) => e.name).filter((name) => name.endsWith('.md'));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message;
      diagnostics.report({ severity: 'error', code: 'defects/unreadable-folder', message: `cannot read the defects folder: ${reason}`, file: label, rejected: true });
      continue;
    }
    if (files.length === 0) diagnostics.report({ severity: 'warning', code: 'defects/empty-folder', message: 'no *.md defect files in this folder', file: label, rejected: false });
    for (const relative of files) {
      const shown = `${label.replace(/\/+$/, '')}/${relative}`;
      const text = await readInputText(path.join(real, relative), real, maxBytes).catch((error: unknown) => {
        diagnostics.report({ severity: 'error', code: 'defect/unreadable', message: `cannot read: ${inputFileReason(error)}`, file: shown, rejected: true });
        return undefined;
      });
      if (text === undefined) continue;
      const defect = parseDefectFile(text, shown, diagnostics);
      if (!defect) continue;
      const earlier = seen.get(defect.id.toLowerCase());
      if (earlier) {
        diagnostics.report({
          severity: 'error',
          code: 'defect/duplicate-id',
          message: `id "${defect.id}" is already used by ${earlier.file}; this file was left out`,
          file: shown,
          line: defect.idLine,
          hint: 'give every defect its own id',
          rejected: true,
        });
        continue;
      }
      seen.set(defect.id.toLowerCase(), defect);
      // Ids that differ but slugify alike (`DEF 1`, `def-1`) each keep their page; `index` is the defects list.
      defect.slug = claimSlug(defect.slug, defect.id);
      defects.push(defect);
    }
  }
  return defects;
}

const text = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
/** Absent, null or a text (trimmed; '' when absent). */
const optionalText = (error: string) => z.string({ error }).nullish().transform((v) => (v ?? '').trim());
const required = (what: string, otherwise: string) => (issue: { input: unknown }) => (issue.input === undefined ? `required (${what})` : otherwise);
const oneOf = (values: readonly string[]) => (issue: { input: unknown }) => `expected one of ${values.join(', ')}, got ${JSON.stringify(issue.input)}`;
const nonEmptyText = text.refine((t) => t !== '', 'expected a text or a list of texts');
/** A text or a list of texts, as a list. */
const texts = z
  .union([nonEmptyText, z.array(nonEmptyText)], { error: 'expected a text or a list of texts' })
  .nullish()
  .transform((v) => (v == null ? [] : Array.isArray(v) ? v : [v]));
const regex = z
  .string({ error: 'expected a regular expression (text)' })
  .min(1, 'expected a regular expression (text)')
  .nullish()
  .superRefine((source, ctx) => {
    const compiled = source ? compileWholeMatch(source) : undefined;
    if (compiled && !compiled.ok) ctx.addIssue({ code: 'custom', message: `is not a valid regular expression: ${compiled.error}`, params: { code: 'defect/invalid-regex' } });
  });

/** The `match:` block. A misspelt matcher would silently widen the defect: an error, not a warning. */
const matchSchema = z.strictObject(
  {
    message: regex,
    trace: regex,
    statuses: z
      .union([text, z.array(text)], { error: 'expected failed and/or broken (only failures are matched)' })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(FAILURE_STATUSES, { error: (issue) => `expected failed and/or broken (only failures are matched), got "${String(issue.input)}"` })))
      .default([...FAILURE_STATUSES]),
    cases: texts,
    fullName: texts,
    labels: z
      .record(z.string(), texts, { error: 'expected a mapping of label name to value(s), e.g. { feature: Checkout }' })
      .nullish()
      .transform((v) => Object.entries(v ?? {}).flatMap(([name, values]) => (values.length ? [{ name, values }] : []))),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'expected a mapping with message, trace, statuses, cases, fullName or labels') },
);

/** A defect file's front matter; unknown top-level fields are warned about (and ignored) apart. */
const frontMatterSchema = z.object({
  id: z
    .union([z.string(), z.number(), z.boolean()], { error: required('a short unique name, e.g. DEF-101', 'expected a one-line text, e.g. DEF-101') })
    .transform((v) => String(v).trim())
    .refine((id) => id !== '' && !id.includes('\n'), 'expected a one-line text, e.g. DEF-101'),
  title: z
    .union([z.string(), z.number(), z.boolean()], { error: required('one line saying what is broken', 'expected a non-empty text') })
    .transform((v) => String(v).trim())
    .refine((title) => title !== '', 'expected a non-empty text'),
  issue: optionalText('expected a http(s) URL').refine((url) => !url || (/^https?:\/\//i.test(url) && safeUrl(url)), { error: (issue) => `expected a http(s) URL of the ticket, got "${String(issue.input).trim()}"` }),
  status: z.enum(DEFECT_STATUSES, { error: oneOf(DEFECT_STATUSES) }).default('open'),
  kind: z.enum(DEFECT_KINDS, { error: (issue) => (issue.input === undefined ? `required (${DEFECT_KINDS.join(', ')})` : oneOf(DEFECT_KINDS)(issue)) }),
  owner: optionalText('expected a text (a person or team)'),
  match: z.unknown().refine((m) => m !== undefined, 'required (message and/or trace regular expressions, statuses, cases, fullName or labels)').pipe(matchSchema),
});

/** One defect file → a Defect, or undefined (with diagnostics) when it cannot be used. */
export function parseDefectFile(text: string, file: string, diagnostics: DiagnosticSink): Defect | undefined {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const reject = (code: string, message: string, line?: number, hint?: string) =>
    diagnostics.report({ severity: 'error', code, message, file, ...(line ? { line } : {}), ...(hint ? { hint } : {}), rejected: true });
  const open = /^---[ \t]*\n/.exec(source);
  const close = open ? /\n---[ \t]*(\n|$)/.exec(source.slice(open[0].length - 1)) : null;
  if (!open || !close) {
    reject('defect/no-front-matter', 'expected front matter between two "---" lines at the top of the file', 1, 'start the file with ---, the fields (id, title, status, kind, match), then ---');
    return undefined;
  }
  const yamlText = source.slice(open[0].length, open[0].length - 1 + close.index + 1);
  const body = source.slice(open[0].length - 1 + close.index + close[0].length).trim();
  const parsed = parseYaml(yamlText);
  if (!parsed.ok) {
    reject('defect/invalid-yaml', `front matter is not valid YAML: ${parsed.message}`, parsed.counter.linePos(parsed.offset).line + 1);
    return undefined;
  }
  const { doc, counter } = parsed;
  // Front matter starts on line 2 of the file.
  const lineOf = (at: readonly PropertyKey[]): number => (lineOfPath(doc, counter, at) ?? 1) + 1;
  if (!isMap(doc.contents)) {
    reject('defect/invalid-field', 'front matter must be a mapping of fields (id, title, status, kind, match, …)', 2);
    return undefined;
  }
  const data = parsed.data as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (Object.hasOwn(frontMatterSchema.shape, key)) continue;
    diagnostics.report({ severity: 'warning', code: 'defect/unknown-field', message: `unknown field "${key}" (known: ${Object.keys(frontMatterSchema.shape).join(', ')}); it is ignored`, file, line: lineOf([key]), rejected: false });
  }
  const checked = frontMatterSchema.safeParse(data);
  const problems = checked.success ? (noMatcher(checked.data.match) ? [{ path: ['match'], message: NO_MATCHER }] : []) : checked.error.issues.flatMap(problemsOf);
  for (const { path: at, message, code } of problems) {
    diagnostics.report({ severity: 'error', code: code ?? 'defect/invalid-field', message: `${fieldName(at)}${message.startsWith('is ') ? ' ' : ': '}${message}; the defect was left out`, file, line: lineOf(at), rejected: true });
  }
  if (!checked.success || problems.length) return undefined;
  const { id, title, issue, status, kind, owner, match } = checked.data;
  return {
    id,
    slug: slugify(id, 80),
    title,
    issue,
    status,
    kind,
    owner,
    match: {
      ...(match.message ? { message: match.message } : {}),
      ...(match.trace ? { trace: match.trace } : {}),
      statuses: [...new Set(match.statuses)],
      cases: match.cases,
      fullNames: match.fullName,
      labels: match.labels,
    },
    body,
    file,
    idLine: lineOf(['id']),
    matchLine: lineOf(['match']),
  };
}

const NO_MATCHER = 'needs at least one of message, trace, cases, fullName or labels (statuses alone would match every failure)';

function noMatcher(match: z.infer<typeof matchSchema>): boolean {
  return !match.message && !match.trace && !match.cases.length && !match.fullName.length && !match.labels.length;
}

interface Problem {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

/** A zod issue as the problems it stands for (an unknown matcher is one problem per key, each on its own line). */
function problemsOf(issue: z.core.$ZodIssue): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: `unknown matcher (known: ${Object.keys(matchSchema.shape).join(', ')})` }));
  }
  const code = issue.code === 'custom' ? (issue.params as { code?: string } | undefined)?.code : undefined;
  return [{ path: issue.path, message: issue.message, ...(code ? { code } : {}) }];
}

/** `match.labels.feature` for a path (list positions left out: the line shows which item). */
function fieldName(at: readonly PropertyKey[]): string {
  return at.filter((part) => typeof part === 'string').join('.');
}
