// The history of earlier runs (`--history SOURCE`): a local folder (the previous
// site, or its history/ folder, e.g. restored from a CI cache) or the https://
// URL of the published site. A missing or unreadable history is a warning,
// never a failed build: the first build of a site has none.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_HISTORY, HISTORY_INDEX, type History, historySchema } from '../../contract/history.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import { formatBytes } from '../../contract/view/format.ts';
import { checkInputFile, inputFileReason, readInputText } from '../input-file.ts';
import { z } from 'zod';
import { fromAllure2, fromAllure3 } from './allure-history.ts';

/** The most a history may weigh: 10,000 tests over 50 runs are about 3 MB. */
export const HISTORY_BYTES = 64 * 2 ** 20;
/** Allure 3's history.jsonl has no bound of its own (users report 100 MB after 83 runs); it is read line by line. */
export const ALLURE3_HISTORY_BYTES = 1024 * 2 ** 20;
/** How long the published site may take to answer. */
export const HISTORY_TIMEOUT_MS = 15_000;

/**
 * The history at `source`: a Casebook site's (history/index.json), Allure 2's
 * (history.json, in a report or its history/ folder) or Allure 3's
 * (history.jsonl); at most `limit` runs of an Allure 3 history are read.
 */
export async function readHistory(source: string, diagnostics: DiagnosticSink, options: { limit?: number; fetchImpl?: typeof fetch } = {}): Promise<History> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const warn = (message: string, hint?: string) => {
    diagnostics.report({ severity: 'warning', code: 'history/unreadable', message, file: source, rejected: false, ...(hint ? { hint } : {}) });
    return EMPTY_HISTORY;
  };
  let text: string | undefined;
  if (/^https?:\/\//i.test(source)) {
    if (!/^https:\/\//i.test(source) && !isLoopback(source)) return warn('a history URL must be https:// (http:// only on this machine: localhost, 127.0.0.1)');
    try {
      text = await fetchHistory(source, fetchImpl);
    } catch (error) {
      return warn(`cannot fetch the history: ${(error as Error).message}`, 'this build starts a new history');
    }
    if (text === undefined) return warn(`no history at ${historyUrl(source)} (a first build?)`, 'this build starts a new history');
  } else {
    const found = await localSource(source);
    if (!found) return warn(`no history here: neither ${HISTORY_INDEX} (a site Casebook built, or its history/ folder), Allure 2's history/history.json nor Allure 3's history.jsonl`, 'this build starts a new history');
    if (found.kind !== 'casebook') return readAllureHistory(found, options.limit ?? 50, warn, diagnostics);
    try {
      text = await readInputText(found.file, path.dirname(found.file), HISTORY_BYTES);
    } catch (error) {
      return warn(`cannot read ${path.relative(process.cwd(), found.file) || found.file}: ${inputFileReason(error)}`);
    }
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return warn('the history is not valid JSON; it is ignored');
  }
  const parsed = historySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return warn(`the history is not a Casebook history (${issue.path.join('.') || 'file'}: ${issue.message}); it is ignored`);
  }
  return parsed.data;
}

type LocalSource = { kind: 'casebook' | 'allure3'; file: string } | { kind: 'allure2'; file: string; trend?: string };

const isFile = (file: string) => stat(file).then((s) => s.isFile(), () => false);

/** What `source` holds: a file (Allure 3's .jsonl), or a folder with a Casebook, Allure 2 or Allure 3 history in it or in its history/. */
async function localSource(source: string): Promise<LocalSource | undefined> {
  const at = path.resolve(source);
  if (/\.jsonl$/i.test(at) && (await isFile(at))) return { kind: 'allure3', file: at };
  for (const dir of [at, path.join(at, 'history')]) {
    if (await isFile(path.join(dir, 'index.json'))) return { kind: 'casebook', file: path.join(dir, 'index.json') };
    if (await isFile(path.join(dir, 'history.json'))) {
      const trend = path.join(dir, 'history-trend.json');
      return { kind: 'allure2', file: path.join(dir, 'history.json'), ...((await isFile(trend)) ? { trend } : {}) };
    }
  }
  if (await isFile(path.join(at, 'history.jsonl'))) return { kind: 'allure3', file: path.join(at, 'history.jsonl') };
  return undefined;
}

async function readAllureHistory(found: LocalSource, limit: number, warn: (message: string) => History, diagnostics: DiagnosticSink): Promise<History> {
  const shown = path.relative(process.cwd(), found.file) || found.file;
  try {
    if (found.kind === 'allure3') {
      // Checked as every input is (a regular file inside its folder, within its cap), then read line by line.
      const checked = await checkInputFile(found.file, path.dirname(found.file), ALLURE3_HISTORY_BYTES);
      const { history, badLines } = await fromAllure3(checked.path, limit);
      if (badLines) diagnostics.report({ severity: 'warning', code: 'history/bad-lines', message: `${badLines} line(s) of Allure 3's history could not be read and were skipped`, file: shown, rejected: false });
      return history;
    }
    const folder = path.dirname(found.file);
    const historyJson = JSON.parse(await readInputText(found.file, folder, HISTORY_BYTES));
    const trendJson = found.kind === 'allure2' && found.trend ? JSON.parse(await readInputText(found.trend, folder, HISTORY_BYTES)) : undefined;
    return fromAllure2(historyJson, trendJson);
  } catch (error) {
    return warn(`cannot read Allure's history ${shown}: ${error instanceof SyntaxError ? 'not valid JSON' : error instanceof z.ZodError ? `not in Allure's format (${error.issues[0]?.path.join('.')}: ${error.issues[0]?.message})` : inputFileReason(error)}`);
  }
}

function isLoopback(url: string): boolean {
  try {
    return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

function historyUrl(site: string): string {
  return new URL(HISTORY_INDEX, site.endsWith('/') ? site : `${site}/`).href;
}

/** The published history's text, or undefined when the site has none (404); sent nothing but a GET, and no credentials. */
async function fetchHistory(site: string, fetchImpl: typeof fetch): Promise<string | undefined> {
  const response = await fetchImpl(historyUrl(site), { signal: AbortSignal.timeout(HISTORY_TIMEOUT_MS), credentials: 'omit', redirect: 'follow' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > HISTORY_BYTES) throw new Error(`it is ${formatBytes(length)}, over the ${formatBytes(HISTORY_BYTES)} a history may have`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > HISTORY_BYTES) {
      await reader.cancel();
      throw new Error(`it is over the ${formatBytes(HISTORY_BYTES)} a history may have`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
