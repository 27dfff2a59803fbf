// Reads every results folder (CI shards) into one Run; a folder that cannot
// be read is a rejection, and a run with no valid result at all is an error.
import path from 'node:path';
import type { DiagnosticSink, Diagnostic } from '../../diagnostics/diagnostic.ts';
import { CasebookError } from '../../diagnostics/diagnostic.ts';
import type { Logger } from '../../lib/logger.ts';
import { assembleRun } from './assemble-run.ts';
import type { Run } from '../../model/types.ts';
import type { ShardContent } from './results-folder.ts';
import { readResultsFolder } from './results-folder.ts';
import { DEFAULT_LIMITS, type InputLimits } from '../input-file.ts';

/** How a folder is named in messages: relative to cwd when below it. */
function labelOf(folder: string): string {
  const relative = path.relative(process.cwd(), folder) || '.';
  return relative.startsWith('..') ? folder : relative;
}

export async function readRun(folders: readonly string[], diagnostics: DiagnosticSink & { list: Diagnostic[] }, logger: Logger, limits: InputLimits = DEFAULT_LIMITS): Promise<Run> {
  const shards: ShardContent[] = [];
  for (const [index, folder] of folders.entries()) {
    const label = labelOf(folder);
    try {
      shards.push(await readResultsFolder(label, index, diagnostics, ({ done, total }) => logger.progress(`read ${label}: ${done}/${total} files`), limits));
    } catch (error) {
      diagnostics.report({ severity: 'error', code: 'results/unreadable-folder', message: `cannot read results folder: ${(error as Error).message}`, file: label, rejected: true });
    }
  }
  const run = assembleRun(shards);
  if (run.results.length === 0) {
    const problems = diagnostics.list.filter((d) => d.severity === 'error');
    throw new CasebookError(`no valid test results were found in ${folders.map(labelOf).join(', ')}`, {
      hint:
        problems.length > 0
          ? `${problems.length} problem(s): ${problems.slice(0, 3).map((d) => `${d.file ?? ''}: ${d.message}`).join('; ')}`
          : 'point --results at the allure-results folder your test run wrote (it holds *-result.json files)',
    });
  }
  return run;
}
