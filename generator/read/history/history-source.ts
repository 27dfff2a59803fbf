// The history of earlier runs (`--history SOURCE`): a local folder (the previous
// site, or its history/ folder, e.g. restored from a CI cache) or the https://
// URL of the published site. A missing or unreadable history is a warning,
// never a failed build: the first build of a site has none.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_HISTORY, HISTORY_INDEX, type History, historySchema } from '../../contract/history.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import { formatBytes } from '../../contract/view/format.ts';
import { inputFileReason, readInputText } from '../input-file.ts';

/** The most a history may weigh: 10,000 tests over 50 runs are about 3 MB. */
export const HISTORY_BYTES = 64 * 2 ** 20;
/** How long the published site may take to answer. */
export const HISTORY_TIMEOUT_MS = 15_000;

export async function readHistory(source: string, diagnostics: DiagnosticSink, fetchImpl: typeof fetch = fetch): Promise<History> {
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
    const file = await localIndex(source);
    if (!file) return warn(`no ${HISTORY_INDEX} in this folder (a site Casebook built, or its history/ folder)`, 'this build starts a new history');
    try {
      text = await readInputText(file, path.dirname(file), HISTORY_BYTES);
    } catch (error) {
      return warn(`cannot read ${path.relative(process.cwd(), file) || file}: ${inputFileReason(error)}`);
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

/** `history/index.json` of a site folder, or `index.json` of a history folder; undefined when neither is there. */
async function localIndex(source: string): Promise<string | undefined> {
  const dir = path.resolve(source);
  for (const file of [path.join(dir, HISTORY_INDEX), path.join(dir, path.basename(HISTORY_INDEX))]) {
    if (await stat(file).then((s) => s.isFile(), () => false)) return file;
  }
  return undefined;
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
