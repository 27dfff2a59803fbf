// The fields a Markdown front matter block and a YAML case file share: parsed
// with `yaml` (keeping line numbers), checked with zod, turned into a partial
// WrittenCase. Problems are diagnostics naming the file and the key's line.
import { lineOfPath, parseYaml } from '../yaml.ts';
import type { Document } from 'yaml';
import { z } from 'zod';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { AutomationSelector, CaseFields, CaseStatus } from '../../model/cases.ts';
import { CASE_STATUSES } from '../../model/cases.ts';

export interface CaseSource {
  /** The file as shown to users. */
  file: string;
  /** Path relative to the repository root. */
  repoPath: string;
  report(diagnostic: Diagnostic): void;
}

/** A YAML text with a line offset (front matter starts after the `---` line). */
export interface YamlBlock {
  doc: Document;
  /** The document as plain data. */
  data: unknown;
  lineOf(key?: string): number;
  /** The file line of a character offset in the block. */
  lineAt(offset: number): number;
}

/** Parses YAML; on a syntax error reports it (with its line) and returns undefined. */
export function parseYamlBlock(text: string, firstLine: number, src: CaseSource, what: string): YamlBlock | undefined {
  const parsed = parseYaml(text);
  const counter = parsed.counter;
  if (!parsed.ok) {
    // An error at the end of the text (an unclosed bracket) is reported on its last line.
    const offset = Math.min(parsed.offset, text.trimEnd().length);
    const line = firstLine + counter.linePos(offset).line - 1;
    src.report({
      severity: 'error',
      code: 'case/invalid-yaml',
      message: `${what} is not valid YAML: ${parsed.message}`,
      file: src.file,
      line,
      rejected: true,
    });
    return undefined;
  }
  const { doc, data } = parsed;
  const lineOf = (key?: string): number => {
    const line = key ? lineOfPath(doc, counter, [key]) : undefined;
    return line === undefined ? firstLine : firstLine + line - 1;
  };
  return { doc, data, lineOf, lineAt: (offset) => firstLine + counter.linePos(offset).line - 1 };
}

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v).trim());
const stringList = z
  .union([scalar, z.array(scalar)])
  .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).filter(Boolean))]);
const selectorObject = z.strictObject({
  fullName: z.string().min(1).optional(),
  labels: z.record(z.string(), scalar).optional(),
});
const selector = z.union([z.string().min(1), selectorObject]);

export const caseFieldsSchema = z.object({
  id: scalar.optional(),
  title: scalar.optional(),
  epic: scalar.optional(),
  feature: scalar.optional(),
  story: scalar.optional(),
  owner: scalar.optional(),
  tags: stringList.optional(),
  severity: scalar.optional(),
  layer: scalar.optional(),
  requirements: stringList.optional(),
  status: scalar.optional(),
  automation: z.union([selector, z.array(selector)]).optional(),
  automated: z.boolean().optional(),
});

/** Keys a YAML case file may have besides the shared ones. */
export const YAML_ONLY_KEYS = ['description', 'preconditions', 'steps'];

export interface ReadCaseFields extends CaseFields {
  automated: boolean;
}

function selectorOf(raw: z.infer<typeof selector>): AutomationSelector {
  if (typeof raw === 'string') return { fullName: raw, text: `fullName: ${JSON.stringify(raw)}` };
  const parts: string[] = [];
  if (raw.fullName) parts.push(`fullName: ${JSON.stringify(raw.fullName)}`);
  for (const [name, value] of Object.entries(raw.labels ?? {}).sort()) parts.push(`${name}: ${JSON.stringify(value)}`);
  return { ...(raw.fullName ? { fullName: raw.fullName } : {}), ...(raw.labels ? { labels: raw.labels } : {}), text: parts.join(', ') };
}

/**
 * Checks the shared fields of one case. Returns undefined (after reporting why)
 * when the case cannot be used: no id, no title, an unknown status, a wrong type.
 */
export function readCaseFields(block: YamlBlock, src: CaseSource, extraKeys: readonly string[] = []): ReadCaseFields | undefined {
  const data: unknown = block.data;
  const reject = (message: string, key?: string, hint?: string) =>
    src.report({ severity: 'error', code: 'case/invalid', message, file: src.file, line: block.lineOf(key), rejected: true, ...(hint ? { hint } : {}) });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    reject('expected a mapping of fields (id, title, …)');
    return undefined;
  }
  const known = new Set([...Object.keys(caseFieldsSchema.shape), ...extraKeys]);
  for (const key of Object.keys(data)) {
    if (!known.has(key)) {
      src.report({
        severity: 'warning',
        code: 'case/unknown-field',
        message: `unknown field "${key}" is ignored (known: ${[...known].join(', ')})`,
        file: src.file,
        line: block.lineOf(key),
        rejected: false,
      });
    }
  }
  const parsed = caseFieldsSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      reject(`${issue.path.join('.') || 'fields'}: ${describeIssue(key)}`, key);
    }
    return undefined;
  }
  const f = parsed.data;
  let ok = true;
  if (!f.id) {
    reject('missing id: every case needs a unique `id`', 'id', 'add e.g. `id: TC-123` to the front matter');
    ok = false;
  }
  if (!f.title) {
    reject('missing title: every case needs a `title`', 'title');
    ok = false;
  }
  const status = f.status ?? 'active';
  if (!(CASE_STATUSES as readonly string[]).includes(status)) {
    reject(`unknown status "${status}" (expected ${CASE_STATUSES.join(', ')})`, 'status');
    ok = false;
  }
  if (!ok) return undefined;
  const automation = f.automation === undefined ? [] : (Array.isArray(f.automation) ? f.automation : [f.automation]).map(selectorOf);
  return {
    id: f.id as string,
    title: f.title as string,
    epic: f.epic ?? '',
    feature: f.feature ?? '',
    story: f.story ?? '',
    owner: f.owner ?? '',
    tags: f.tags ?? [],
    severity: f.severity ?? '',
    layer: f.layer ?? '',
    requirements: f.requirements ?? [],
    status: status as CaseStatus,
    automation,
    automated: f.automated ?? false,
  };
}

function describeIssue(key: string): string {
  switch (key) {
    case 'tags':
    case 'requirements':
      return 'expected a list of strings';
    case 'automation':
      return 'expected a fullName glob, or { fullName?: glob, labels?: { name: glob } }, or a list of them';
    case 'automated':
      return 'expected true or false';
    default:
      return 'expected a string';
  }
}
