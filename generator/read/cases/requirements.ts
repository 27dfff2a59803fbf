// The optional requirements file (YAML or CSV: id, title, url), so that a
// requirement no case mentions still shows up, uncovered, on the coverage page.
import { realpath } from 'node:fs/promises';
import { DEFAULT_LIMITS, inputFileReason, readInputText } from '../input-file.ts';
import path from 'node:path';
import { isMap, isSeq } from 'yaml';
import { parseYaml } from '../yaml.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';

export interface Requirement {
  id: string;
  title: string;
  url: string;
}

export function parseCsv(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) rows.push({ cells: cells.map((c) => c.trim()), line: rowLine });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}

function fromCsv(text: string, file: string, diagnostics: DiagnosticSink): Requirement[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  const columns = header?.cells.map((c) => c.toLowerCase()) ?? [];
  const at = { id: columns.indexOf('id'), title: columns.indexOf('title'), url: columns.indexOf('url') };
  if (at.id < 0) {
    diagnostics.report({ severity: 'error', code: 'requirements/invalid', message: 'the first row must name the columns: id, title, url', file, line: 1, rejected: true });
    return [];
  }
  const out: Requirement[] = [];
  for (const row of rows) {
    const id = row.cells[at.id] ?? '';
    if (!id) {
      diagnostics.report({ severity: 'error', code: 'requirements/missing-id', message: 'a requirement row has no id', file, line: row.line, rejected: true });
      continue;
    }
    out.push({ id, title: at.title >= 0 ? row.cells[at.title] ?? '' : '', url: at.url >= 0 ? row.cells[at.url] ?? '' : '' });
  }
  return out;
}

function fromYaml(text: string, file: string, diagnostics: DiagnosticSink): Requirement[] {
  const parsed = parseYaml(text, { uniqueKeys: false });
  const counter = parsed.counter;
  if (!parsed.ok) {
    diagnostics.report({ severity: 'error', code: 'requirements/invalid', message: `not valid YAML: ${parsed.message}`, file, line: counter.linePos(Math.min(parsed.offset, text.trimEnd().length)).line, rejected: true });
    return [];
  }
  const doc = parsed.doc;
  const lineOf = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return range ? counter.linePos(range[0]).line : 1;
  };
  const entries: { value: unknown; id?: string; line: number }[] = [];
  const contents = doc.contents;
  const js: unknown = parsed.data;
  // `- { id, title, url }` list, or `REQ-1: { title, url }` / `REQ-1: title` mapping.
  if (isSeq(contents)) {
    for (const [i, item] of contents.items.entries()) entries.push({ value: (js as unknown[])[i], line: lineOf(item) });
  }
  else if (isMap(contents)) {
    for (const pair of contents.items) {
      const id = String((pair.key as { value?: unknown } | null)?.value ?? '');
      entries.push({ value: (js as Record<string, unknown>)[id] ?? null, id, line: lineOf(pair.key) });
    }
  }
  else if (contents !== null) {
    diagnostics.report({ severity: 'error', code: 'requirements/invalid', message: 'expected a list of { id, title, url } or a mapping of id → { title, url }', file, line: 1, rejected: true });
  }
  const out: Requirement[] = [];
  for (const entry of entries) {
    const v = entry.value;
    const obj = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
    // In a list, a bare string is an id.
    const bare = entry.id === undefined && typeof v === 'string';
    const id = String(entry.id ?? obj?.id ?? (bare ? v : '')).trim();
    if (!id || (v !== null && !obj && typeof v !== 'string')) {
      diagnostics.report({ severity: 'error', code: 'requirements/invalid', message: id ? `requirement ${id}: expected a title or { title, url }` : 'a requirement has no id', file, line: entry.line, rejected: true });
      continue;
    }
    out.push({ id, title: String(obj?.title ?? (typeof v === 'string' && !bare ? v : '')), url: String(obj?.url ?? '') });
  }
  return out;
}

/** Reads the file; a bad row is a diagnostic, the others are kept. The first of two equal ids wins. */
export async function readRequirements(file: string, diagnostics: DiagnosticSink, maxBytes = DEFAULT_LIMITS.textFileBytes): Promise<Requirement[]> {
  const relative = path.relative(process.cwd(), file);
  const label = relative && !relative.startsWith('..') ? relative : file;
  let text: string;
  try {
    // The file must be what it says, not a link out of its own folder.
    const folder = await realpath(path.dirname(path.resolve(file))).catch(() => path.dirname(path.resolve(file)));
    text = await readInputText(path.join(folder, path.basename(file)), folder, maxBytes);
  } catch (error) {
    diagnostics.report({ severity: 'error', code: 'requirements/unreadable', message: `cannot read the requirements file: ${inputFileReason(error)}`, file: label, rejected: true });
    return [];
  }
  const list = /\.csv$/i.test(file) ? fromCsv(text, label, diagnostics) : fromYaml(text, label, diagnostics);
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.id) && Boolean(seen.add(r.id))).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}
