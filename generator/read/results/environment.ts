// `environment.properties`: Java properties, parsed with dot-properties
// (escapes, continuations and `:`/`=` separators are its job, not ours).
import path from 'node:path';
import { parse } from 'dot-properties';
import type { FileReader } from '../reader.ts';
import { displayPath } from '../reader.ts';

export type Environment = [name: string, value: string][];

export const environmentReader: FileReader<Environment> = {
  name: 'environment',
  matches: (fileName) => fileName === 'environment.properties',
  async read(file, ctx) {
    try {
      const parsed = parse(await ctx.readSmallText(file));
      return Object.entries(parsed).map(([name, value]) => [name, typeof value === 'string' ? value : JSON.stringify(value)]);
    } catch (error) {
      ctx.diagnostics.report({
        severity: 'error',
        code: 'environment/unreadable',
        message: `cannot read environment properties: ${(error as Error).message}`,
        file: displayPath(ctx, path.basename(file)),
        rejected: true,
      });
      return undefined;
    }
  },
};
