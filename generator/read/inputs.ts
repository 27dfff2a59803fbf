// The read stage: results, written cases and requirements, and known defects,
// read at once (case files are parsed in other processes meanwhile). Each
// input reports into its own list, merged in a fixed order, so the
// diagnostics do not depend on which finished first.
import path from 'node:path';
import type { CasebookConfig } from '../config/schema.ts';
import { createDiagnosticList, type DiagnosticSink } from '../diagnostics/diagnostic.ts';
import type { Logger } from '../lib/logger.ts';
import type { Defect } from '../model/defects.ts';
import type { Run } from '../model/types.ts';
import { EMPTY_HISTORY, type History } from '../contract/history.ts';
import { readHistory } from './history/history-source.ts';
import { type CaseInputs, readCaseInputs } from './cases/case-inputs.ts';
import { CASE_CACHE_FILE } from './cases/parse-cache.ts';
import { readDefectFolders } from './defects/defect-files.ts';
import { readRun } from './results/results-run.ts';

export interface Inputs {
  run: Run;
  caseInputs: CaseInputs;
  defects: Defect[];
  /** Earlier runs (config.history); empty when there is none. */
  history: History;
}

export async function readInputs(config: CasebookConfig, diagnostics: DiagnosticSink, logger: Logger): Promise<Inputs> {
  const [resultsSink, casesSink, defectsSink, historySink] = [createDiagnosticList(), createDiagnosticList(), createDiagnosticList(), createDiagnosticList()];
  const [run, caseInputs, defects, history] = await Promise.all([
    readRun(config.results, resultsSink, logger, config.limits),
    // Parsed case files are kept in the content folder for the next build.
    readCaseInputs(config, casesSink, path.join(path.resolve(config.content), CASE_CACHE_FILE)),
    readDefectFolders(config.defects, defectsSink, config.limits.textFileBytes),
    config.history ? readHistory(config.history, historySink, { limit: config.historyLimit }) : EMPTY_HISTORY,
  ]);
  for (const sink of [resultsSink, casesSink, defectsSink, historySink]) for (const d of sink.list) diagnostics.report(d);
  return { run, caseInputs, defects, history };
}
