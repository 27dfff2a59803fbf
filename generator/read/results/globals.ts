// `*-globals.json` (allure-js 3): errors raised outside any test, e.g. a
// failing hook whose tests were never written. Allure 2 ignores these files;
// Casebook shows them on the overview so they are not lost.
import path from 'node:path';
import type { GlobalError } from '../../model/types.ts';
import { readJsonFile } from './json-file.ts';
import { isObject, objects, str } from '../raw.ts';
import type { FileReader } from '../reader.ts';
import { displayPath } from '../reader.ts';

export const globalsReader: FileReader<GlobalError[]> = {
  name: 'allure-globals',
  matches: (fileName) => fileName.endsWith('-globals.json'),
  async read(file, ctx) {
    const raw = await readJsonFile(file, ctx, 'globals');
    if (raw === undefined) return undefined;
    const shown = displayPath(ctx, path.basename(file));
    if (!isObject(raw)) {
      ctx.diagnostics.report({ severity: 'error', code: 'globals/not-an-object', message: 'expected a JSON object with "errors"', file: shown, rejected: true });
      return undefined;
    }
    return objects(raw.errors).map((e) => ({ message: str(e.message), trace: str(e.trace), file: shown }));
  },
};
