// `*-container.json`: fixtures (befores/afters) wrapping the results listed in `children`.
import path from 'node:path';
import type { Fixture } from '../../model/types.ts';
import { readAttachments, readParameters, readStatus, readStatusDetails, readSteps, readTimes } from './allure-execution.ts';
import { readJsonFile } from './json-file.ts';
import { arr, isObject, objects, str } from '../raw.ts';
import type { FileReader, ShardContext } from '../reader.ts';
import { displayPath } from '../reader.ts';

export interface Container {
  uuid: string;
  name: string;
  /** uuids of the results (or nested containers) it wraps. */
  children: string[];
  setup: Fixture[];
  teardown: Fixture[];
  shard: number;
}

async function readFixtures(value: unknown, kind: Fixture['kind'], ctx: ShardContext, file: string): Promise<Fixture[]> {
  const fixtures: Fixture[] = [];
  for (const raw of objects(value)) {
    const name = str(raw.name) || (kind === 'setup' ? '(set-up)' : '(tear-down)');
    const attachments = await readAttachments(raw.attachments, ctx, file, name);
    fixtures.push({
      kind,
      name,
      status: readStatus(raw.status),
      statusDetails: readStatusDetails(raw.statusDetails),
      start: readTimes(raw).start,
      durationMs: readTimes(raw).durationMs,
      steps: await readSteps(raw.steps, ctx, file, name, attachments),
      attachments,
      parameters: readParameters(raw.parameters).shown,
    });
  }
  return fixtures;
}

export const allureContainerReader: FileReader<Container> = {
  name: 'allure-container',
  matches: (fileName) => fileName.endsWith('-container.json'),
  async read(file, ctx) {
    const raw = await readJsonFile(file, ctx, 'container');
    if (raw === undefined) return undefined;
    if (!isObject(raw)) {
      ctx.diagnostics.report({
        severity: 'error',
        code: 'container/not-an-object',
        message: 'expected a JSON object describing a fixture container',
        file: displayPath(ctx, path.basename(file)),
        rejected: true,
      });
      return undefined;
    }
    return {
      uuid: str(raw.uuid),
      name: str(raw.name),
      children: arr(raw.children).map((c) => str(c)).filter(Boolean),
      setup: await readFixtures(raw.befores, 'setup', ctx, file),
      teardown: await readFixtures(raw.afters, 'teardown', ctx, file),
      shard: ctx.shard,
    };
  },
};
