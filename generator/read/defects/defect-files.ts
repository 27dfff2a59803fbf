// Known-defect files: Markdown with YAML front matter, one defect per file.
// Every problem is a diagnostic with the file and the line of the offending
// key; a file with an error is left out (its failures stay unexplained), the
// other files are used.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_LIMITS, inputFileReason, listFolderEntries, readInputText } from '../input-file.ts';
import type { Document, Node } from 'yaml';
import { isMap } from 'yaml';
import { parseYaml } from '../yaml.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import { compileWholeMatch } from '../../model/patterns.ts';
import type { Defect, DefectMatch, FailureStatus } from '../../model/defects.ts';
import { DEFECT_KINDS, DEFECT_STATUSES, FAILURE_STATUSES } from '../../model/defects.ts';
import { slugClaims, slugify } from '../../model/identity.ts';
import { safeUrl } from '../../markdown/fragments.ts';

const TOP_KEYS = ['id', 'title', 'issue', 'status', 'kind', 'owner', 'match'];
const MATCH_KEYS = ['message', 'trace', 'statuses', 'cases', 'fullName', 'labels'];

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

interface Problem {
  message: string;
  /** Key path in the front matter, for its line. */
  at: (string | number)[];
  severity?: 'error' | 'warning';
  code?: string;
}

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
  // Front matter starts on line 2 of the file.
  const parsed = parseYaml(yamlText);
  const lineCounter = parsed.counter;
  if (!parsed.ok) {
    reject('defect/invalid-yaml', `front matter is not valid YAML: ${parsed.message}`, lineCounter.linePos(parsed.offset).line + 1);
    return undefined;
  }
  const doc = parsed.doc;
  const lineOf = (at: (string | number)[]): number => {
    const node = nodeAt(doc, at);
    return node?.range ? lineCounter.linePos(node.range[0]).line + 1 : 2;
  };
  if (!isMap(doc.contents)) {
    reject('defect/invalid-field', 'front matter must be a mapping of fields (id, title, status, kind, match, …)', 2);
    return undefined;
  }
  const data = parsed.data as Record<string, unknown>;
  const problems: Problem[] = [];
  const need = (key: string, what: string) => problems.push({ message: `${key}: required (${what})`, at: [] });

  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) problems.push({ message: `unknown field "${key}" (known: ${TOP_KEYS.join(', ')}); it is ignored`, at: [key], severity: 'warning', code: 'defect/unknown-field' });
  }
  const id = scalarText(data.id);
  if (data.id === undefined) need('id', 'a short unique name, e.g. DEF-101');
  else if (!id || /\n/.test(id)) problems.push({ message: 'id: expected a one-line text, e.g. DEF-101', at: ['id'] });
  const title = scalarText(data.title);
  if (data.title === undefined) need('title', 'one line saying what is broken');
  else if (!title) problems.push({ message: 'title: expected a non-empty text', at: ['title'] });
  const issue = data.issue === undefined || data.issue === null ? '' : (scalarText(data.issue) ?? '');
  if (issue && !(/^https?:\/\//i.test(issue) && safeUrl(issue))) problems.push({ message: `issue: expected a http(s) URL of the ticket, got "${issue}"`, at: ['issue'] });
  if (data.issue !== undefined && data.issue !== null && typeof data.issue !== 'string') problems.push({ message: 'issue: expected a http(s) URL', at: ['issue'] });
  const status = data.status === undefined ? 'open' : data.status;
  if (!DEFECT_STATUSES.includes(status as never)) problems.push({ message: `status: expected one of ${DEFECT_STATUSES.join(', ')}, got ${JSON.stringify(status)}`, at: ['status'] });
  if (data.kind === undefined) need('kind', DEFECT_KINDS.join(', '));
  else if (!DEFECT_KINDS.includes(data.kind as never)) problems.push({ message: `kind: expected one of ${DEFECT_KINDS.join(', ')}, got ${JSON.stringify(data.kind)}`, at: ['kind'] });
  const owner = data.owner === undefined || data.owner === null ? '' : (scalarText(data.owner) ?? '');
  if (data.owner !== undefined && data.owner !== null && typeof data.owner !== 'string') problems.push({ message: 'owner: expected a text (a person or team)', at: ['owner'] });

  let match: DefectMatch | undefined;
  if (data.match === undefined) need('match', 'message and/or trace regular expressions, statuses, cases, fullName or labels');
  else match = readMatch(data.match, problems);

  let hasError = false;
  for (const p of problems) {
    const severity = p.severity ?? 'error';
    if (severity === 'error') hasError = true;
    diagnostics.report({
      severity,
      code: p.code ?? (/regular expression/.test(p.message) ? 'defect/invalid-regex' : 'defect/invalid-field'),
      message: severity === 'error' ? `${p.message}; the defect was left out` : p.message,
      file,
      line: lineOf(p.at),
      rejected: severity === 'error',
    });
  }
  if (hasError || !match) return undefined;
  return {
    id: id!,
    slug: slugify(id!, 80),
    title: title!,
    issue,
    status: status as Defect['status'],
    kind: data.kind as Defect['kind'],
    owner,
    match,
    body,
    file,
    idLine: lineOf(['id']),
    matchLine: lineOf(['match']),
  };
}

function readMatch(raw: unknown, problems: Problem[]): DefectMatch | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ message: 'match: expected a mapping with message, trace, statuses, cases, fullName or labels', at: ['match'] });
    return undefined;
  }
  const m = raw as Record<string, unknown>;
  const before = problems.length;
  for (const key of Object.keys(m)) {
    // A misspelt matcher would silently widen the defect: an error, not a warning.
    if (!MATCH_KEYS.includes(key)) problems.push({ message: `match.${key}: unknown matcher (known: ${MATCH_KEYS.join(', ')})`, at: ['match', key] });
  }
  const regex = (key: 'message' | 'trace'): string | undefined => {
    const value = m[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value === '') {
      problems.push({ message: `match.${key}: expected a regular expression (text)`, at: ['match', key] });
      return undefined;
    }
    const compiled = compileWholeMatch(value);
    if (!compiled.ok) problems.push({ message: `match.${key} is not a valid regular expression: ${compiled.error}`, at: ['match', key] });
    return value;
  };
  const texts = (key: string, value: unknown, at: (string | number)[]): string[] => {
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    const out: string[] = [];
    list.forEach((v, i) => {
      const t = scalarText(v);
      if (t === undefined || t === '' || typeof v === 'object') problems.push({ message: `${key}: expected a text or a list of texts`, at: Array.isArray(value) ? [...at, i] : at });
      else out.push(t);
    });
    return out;
  };
  const message = regex('message');
  const trace = regex('trace');
  const statusList = m.statuses === undefined ? [...FAILURE_STATUSES] : texts('match.statuses', m.statuses, ['match', 'statuses']);
  for (const [i, s] of statusList.entries()) {
    if (!FAILURE_STATUSES.includes(s as FailureStatus)) {
      problems.push({ message: `match.statuses: expected failed and/or broken (only failures are matched), got "${s}"`, at: Array.isArray(m.statuses) ? ['match', 'statuses', i] : ['match', 'statuses'] });
    }
  }
  const cases = texts('match.cases', m.cases, ['match', 'cases']);
  const fullNames = texts('match.fullName', m.fullName, ['match', 'fullName']);
  const labels: DefectMatch['labels'] = [];
  if (m.labels !== undefined && m.labels !== null) {
    if (typeof m.labels !== 'object' || Array.isArray(m.labels)) problems.push({ message: 'match.labels: expected a mapping of label name to value(s), e.g. { feature: Checkout }', at: ['match', 'labels'] });
    else {
      for (const [name, values] of Object.entries(m.labels as Record<string, unknown>)) {
        const list = texts(`match.labels.${name}`, values, ['match', 'labels', name]);
        if (list.length) labels.push({ name, values: list });
      }
    }
  }
  if (problems.length === before && !message && !trace && !cases.length && !fullNames.length && !labels.length) {
    problems.push({ message: 'match: needs at least one of message, trace, cases, fullName or labels (statuses alone would match every failure)', at: ['match'] });
  }
  if (problems.length > before) return undefined;
  return {
    ...(message ? { message } : {}),
    ...(trace ? { trace } : {}),
    statuses: [...new Set(statusList as FailureStatus[])],
    cases,
    fullNames,
    labels,
  };
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function nodeAt(doc: Document, at: (string | number)[]): Node | undefined {
  for (let depth = at.length; depth > 0; depth--) {
    const path = at.slice(0, depth);
    // The key's own line reads better than its value's for a mapping or a list.
    const parent = depth > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
      if (pair?.key && typeof pair.key === 'object' && 'range' in pair.key) return pair.key as Node;
    }
    const node = doc.getIn(path, true) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node) return node;
  }
  return undefined;
}
