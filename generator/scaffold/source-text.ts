// Text from case files going into generated source code: string literals
// that cannot end early, and comments that cannot end early either (a line
// terminator inside a comment would turn the rest of the line into code).
import type { CaseStep, WrittenCase } from '../model/cases.ts';
import { oneLine } from '../markdown/fragments.ts';

/** Every line terminator any of the target languages knows (JS: \u2028/\u2029; Python: \f, \v, \x1c–\x1e, \x85). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: line terminators of the target languages are control characters
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\f\v\x1c-\x1e\x85]/;

export function commentLines(text: string, prefix: string, options: { java?: boolean } = {}): string[] {
  return text
    .split(LINE_BREAKS)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is replaced
    .map((l) => l.replace(/[\u0000-\u0008\u000e-\u001f\u007f]/g, ' ').trimEnd())
    // Java reads \uXXXX escapes everywhere, comments included: doubled backslashes are inert.
    .map((l) => (options.java ? l.replace(/\\/g, '\\\\') : l))
    .map((l) => (l ? `${prefix} ${l}` : prefix));
}

/** A double-quoted literal valid in JavaScript, TypeScript, Python and Java (JSON's escapes are a common subset). */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The name of a step: its action on one line, or "Step N". */
export function stepName(step: CaseStep, index: number): string {
  return oneLine(step.action) || `Step ${index + 1}`;
}

/** Background steps first (they are the preconditions of a Gherkin scenario), then the steps. */
export function allSteps(c: WrittenCase): CaseStep[] {
  return [...c.background, ...c.steps];
}

/** Lines to put as comments inside a step: its extra details and expected result. */
export function stepNotes(step: CaseStep): string[] {
  const notes: string[] = [];
  if (step.dataTable) notes.push(...step.dataTable.map((row) => `| ${row.join(' | ')} |`));
  else if (step.docString) notes.push('"""', ...step.docString.content.split('\n'), '"""');
  else if (step.details) notes.push(...step.details.split('\n'));
  if (step.expected) notes.push(`Expected: ${step.expected}`);
  return notes;
}

/** The preconditions as comment text (for Gherkin they are the Background steps, which become steps). */
export function preconditionNotes(c: WrittenCase): string[] {
  if (c.format === 'gherkin' || !c.preconditions.trim()) return [];
  return ['Preconditions:', ...c.preconditions.split('\n').map((l) => `  ${l}`)];
}

export interface LabelCall {
  name: string;
  value: string;
}

/** The labels a scaffold sets besides the Allure id. */
export function caseLabels(c: WrittenCase): LabelCall[] {
  const out: LabelCall[] = [];
  for (const name of ['epic', 'feature', 'story', 'owner', 'severity', 'layer'] as const) {
    if (c[name]) out.push({ name, value: c[name] });
  }
  for (const tag of c.tags) out.push({ name: 'tag', value: tag });
  return out;
}

/** `share a list by link` → `shareAListByLink` (ASCII letters and digits only). */
export function camelCase(text: string, upperFirst = false): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 && !upperFirst ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  const name = joined || 'case';
  return /^[0-9]/.test(name) ? `${upperFirst ? 'Case' : 'case'}${name}` : name;
}

export function snakeCase(text: string): string {
  const name = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return name || 'case';
}

/** Notes as comment lines; none for no notes. */
export function commentBlock(notes: readonly string[], prefix: string, options: { java?: boolean } = {}): string[] {
  return notes.length ? commentLines(notes.join('\n'), prefix, options) : [];
}
