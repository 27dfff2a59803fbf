// `categories.json`: Allure's failure categories. Kept per shard; applied by a later stage.
import path from 'node:path';
import type { Category } from '../../model/types.ts';
import { readStatus } from './allure-execution.ts';
import { readJsonFile } from './json-file.ts';
import { compileWholeMatch } from '../../model/patterns.ts';
import { arr, isObject, str } from '../raw.ts';
import type { FileReader } from '../reader.ts';
import { displayPath } from '../reader.ts';

export const categoriesReader: FileReader<Category[]> = {
  name: 'categories',
  matches: (fileName) => fileName === 'categories.json',
  async read(file, ctx) {
    const raw = await readJsonFile(file, ctx, 'categories', true);
    if (raw === undefined) return undefined;
    const shown = displayPath(ctx, path.basename(file));
    if (!Array.isArray(raw)) {
      ctx.diagnostics.report({ severity: 'error', code: 'categories/not-an-array', message: 'expected a JSON array of categories', file: shown, rejected: true });
      return undefined;
    }
    const categories: Category[] = [];
    raw.forEach((entry, index) => {
      if (!isObject(entry) || !str(entry.name)) {
        ctx.diagnostics.report({ severity: 'error', code: 'categories/invalid-entry', message: `entry ${index} has no "name"; it was left out`, file: shown, rejected: true });
        return;
      }
      for (const key of ['messageRegex', 'traceRegex'] as const) {
        const pattern = entry[key];
        if (typeof pattern !== 'string') continue;
        // The matcher's own compiler: what it cannot run is reported here, once.
        const compiled = compileWholeMatch(pattern);
        if (!compiled.ok) {
          ctx.diagnostics.report({ severity: 'warning', code: 'categories/invalid-regex', message: `category "${str(entry.name)}": ${key} cannot be used (${compiled.error}); the category matches no failure`, file: shown, rejected: false });
        }
      }
      const statuses = arr(entry.matchedStatuses).map(readStatus);
      const category: Category = {
        name: str(entry.name),
        description: str(entry.description),
        // Empty means any status, as in Allure 2 (a category for passed or skipped tests is legal).
        matchedStatuses: [...new Set(statuses)],
        shard: ctx.shard,
      };
      if (typeof entry.messageRegex === 'string') category.messageRegex = entry.messageRegex;
      if (typeof entry.traceRegex === 'string') category.traceRegex = entry.traceRegex;
      if (typeof entry.flaky === 'boolean') category.flaky = entry.flaky;
      categories.push(category);
    });
    return categories;
  },
};
