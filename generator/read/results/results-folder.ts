// Reads one results folder (one CI shard): every file goes to the reader
// that matches it; files no reader takes are attachments or foreign files.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import type { Category, Executor, GlobalError, Result } from '../../model/types.ts';
import { globalsReader } from './globals.ts';
import type { Container } from './allure-container.ts';
import { allureContainerReader } from './allure-container.ts';
import { allureResultReader } from './allure-result.ts';
import { junitXmlReader } from './junit-xml.ts';
import { cucumberJsonReader } from './cucumber-json.ts';
import { categoriesReader } from './categories.ts';
import type { Environment } from './environment.ts';
import { environmentReader } from './environment.ts';
import { executorReader } from './executor.ts';
import { mapConcurrent } from '../../lib/map-concurrent.ts';
import { interner, type ShardContext } from '../reader.ts';
import { DEFAULT_LIMITS, inputTextReader, type InputLimits } from '../input-file.ts';
import type { FileReader } from '../reader.ts';
import { displayPath } from '../reader.ts';

export interface ShardContent {
  folder: string;
  label: string;
  shard: number;
  /** Every attempt read, before retries are collapsed. */
  attempts: Result[];
  containers: Container[];
  categories: Category[];
  environment: Environment;
  executor?: Executor;
  globalErrors: GlobalError[];
}

export type ReadProgress = (event: { shard: number; label: string; done: number; total: number }) => void

const CONCURRENCY = 32;

/** Throws only when the folder itself cannot be read; bad files become diagnostics. */
export async function readResultsFolder(
  label: string,
  shard: number,
  diagnostics: DiagnosticSink,
  onProgress: ReadProgress = () => {},
  limits: InputLimits = DEFAULT_LIMITS,
): Promise<ShardContent> {
  const folder = await realpath(label);
  if (!(await stat(folder)).isDirectory()) throw new Error(`${label} is not a folder`);
  const ctx: ShardContext = {
    folder,
    label,
    shard,
    diagnostics,
    limits,
    intern: interner(),
    readText: inputTextReader(folder, limits.resultFileBytes),
    readSmallText: inputTextReader(folder, limits.textFileBytes),
  };
  const read = <T>(reader: FileReader<T>, name: string) => readIsolated(reader, path.join(folder, name), ctx);
  const names = (await readdir(folder)).sort();
  const content: ShardContent = { folder, label, shard, attempts: [], containers: [], categories: [], environment: [], globalErrors: [] };
  const resultFiles = names.filter(allureResultReader.matches);
  const containerFiles = names.filter(allureContainerReader.matches);
  // Other tools' reports: every test case of a file is an attempt, as a result file's test is.
  const reportFiles = names.filter((n) => junitXmlReader.matches(n) || cucumberJsonReader.matches(n));
  const total = resultFiles.length + containerFiles.length + reportFiles.length;
  let done = 0;
  const tick = () => {
    done++;
    if (done % 500 === 0 || done === total) onProgress({ shard, label, done, total });
  };
  const attempts = await mapConcurrent(resultFiles, CONCURRENCY, async (name) => {
    const result = await read(allureResultReader, name);
    tick();
    return result;
  });
  const containers = await mapConcurrent(containerFiles, CONCURRENCY, async (name) => {
    const container = await read(allureContainerReader, name);
    tick();
    return container;
  });
  const reports = await mapConcurrent(reportFiles, 4, async (name) => {
    const found = await read(junitXmlReader.matches(name) ? junitXmlReader : cucumberJsonReader, name);
    tick();
    return found ?? [];
  });
  content.attempts = [...attempts.filter((r): r is Result => r !== undefined), ...reports.flat()];
  content.containers = containers.filter((c): c is Container => c !== undefined);
  for (const name of names.filter(globalsReader.matches)) {
    content.globalErrors.push(...((await read(globalsReader, name)) ?? []));
  }
  if (names.some(categoriesReader.matches)) {
    content.categories = (await read(categoriesReader, 'categories.json')) ?? [];
  }
  if (names.some(environmentReader.matches)) {
    content.environment = (await read(environmentReader, 'environment.properties')) ?? [];
  }
  if (names.some(executorReader.matches)) {
    content.executor = await read(executorReader, 'executor.json');
  }
  return content;
}

/** One file through its reader; whatever the reader did not expect is that file's rejection, never the shard's end. */
async function readIsolated<T>(reader: FileReader<T>, file: string, ctx: ShardContext): Promise<T | undefined> {
  try {
    return await reader.read(file, ctx);
  } catch (error) {
    const reason = error instanceof RangeError ? 'it is too large or too deeply nested to read' : (error as Error)?.message ?? String(error);
    ctx.diagnostics.report({ severity: 'error', code: `${reader.name}/unreadable`, message: `cannot read: ${reason}`, file: displayPath(ctx, path.basename(file)), rejected: true });
    return undefined;
  }
}
