// `executor.json`: the CI build that produced this results folder.
import path from 'node:path';
import type { Executor } from '../../model/types.ts';
import { readJsonFile } from './json-file.ts';
import { isObject, num, str } from '../raw.ts';
import type { FileReader } from '../reader.ts';
import { displayPath } from '../reader.ts';

export const executorReader: FileReader<Executor> = {
  name: 'executor',
  matches: (fileName) => fileName === 'executor.json',
  async read(file, ctx) {
    const raw = await readJsonFile(file, ctx, 'executor', true);
    if (raw === undefined) return undefined;
    if (!isObject(raw)) {
      ctx.diagnostics.report({ severity: 'error', code: 'executor/not-an-object', message: 'expected a JSON object', file: displayPath(ctx, path.basename(file)), rejected: true });
      return undefined;
    }
    const executor: Executor = {
      name: str(raw.name),
      type: str(raw.type),
      buildName: str(raw.buildName),
      buildUrl: str(raw.buildUrl),
      reportName: str(raw.reportName),
      reportUrl: str(raw.reportUrl),
      url: str(raw.url),
      shard: ctx.shard,
    };
    if (typeof raw.buildOrder === 'number') executor.buildOrder = num(raw.buildOrder);
    return executor;
  },
};
