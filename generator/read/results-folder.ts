// Reads one results folder (one CI shard): every file goes to the reader
// that matches it; files no reader takes are attachments or foreign files.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import type { Category, Executor, GlobalError, Result } from '../model/types.ts';
import { globalsReader } from './globals.ts';
import type { Container } from './allure-container.ts';
import { allureContainerReader } from './allure-container.ts';
import { allureResultReader } from './allure-result.ts';
import { categoriesReader } from './categories.ts';
import type { Environment } from './environment.ts';
import { environmentReader } from './environment.ts';
import { executorReader } from './executor.ts';
import { mapConcurrent } from './map-concurrent.ts';
import { interner, type ShardContext } from './reader.ts';
import { textFileReader } from '../file-io.ts';

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

export interface ReadProgress {
  (event: { shard: number; label: string; done: number; total: number }): void;
}

const CONCURRENCY = 32;

/** Throws only when the folder itself cannot be read; bad files become diagnostics. */
export async function readResultsFolder(
  label: string,
  shard: number,
  diagnostics: DiagnosticSink,
  onProgress: ReadProgress = () => {},
): Promise<ShardContent> {
  const folder = await realpath(label);
  if (!(await stat(folder)).isDirectory()) throw new Error(`${label} is not a folder`);
  const ctx: ShardContext = { folder, label, shard, diagnostics, intern: interner(), readText: textFileReader() };
  const names = (await readdir(folder)).sort();
  const content: ShardContent = { folder, label, shard, attempts: [], containers: [], categories: [], environment: [], globalErrors: [] };
  const resultFiles = names.filter(allureResultReader.matches);
  const containerFiles = names.filter(allureContainerReader.matches);
  const total = resultFiles.length + containerFiles.length;
  let done = 0;
  const tick = () => {
    done++;
    if (done % 500 === 0 || done === total) onProgress({ shard, label, done, total });
  };
  const attempts = await mapConcurrent(resultFiles, CONCURRENCY, async (name) => {
    const result = await allureResultReader.read(path.join(folder, name), ctx);
    tick();
    return result;
  });
  const containers = await mapConcurrent(containerFiles, CONCURRENCY, async (name) => {
    const container = await allureContainerReader.read(path.join(folder, name), ctx);
    tick();
    return container;
  });
  content.attempts = attempts.filter((r): r is Result => r !== undefined);
  content.containers = containers.filter((c): c is Container => c !== undefined);
  for (const name of names.filter(globalsReader.matches)) {
    content.globalErrors.push(...((await globalsReader.read(path.join(folder, name), ctx)) ?? []));
  }
  if (names.some(categoriesReader.matches)) {
    content.categories = (await categoriesReader.read(path.join(folder, 'categories.json'), ctx)) ?? [];
  }
  if (names.some(environmentReader.matches)) {
    content.environment = (await environmentReader.read(path.join(folder, 'environment.properties'), ctx)) ?? [];
  }
  if (names.some(executorReader.matches)) {
    content.executor = await executorReader.read(path.join(folder, 'executor.json'), ctx);
  }
  return content;
}
