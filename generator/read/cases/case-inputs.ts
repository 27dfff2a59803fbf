// The read stage for living documentation: written cases and the optional requirements file.
import type { CasebookConfig } from '../../config/schema.ts';
import type { DiagnosticSink } from '../../diagnostics/diagnostic.ts';
import type { WrittenCase } from '../../model/cases.ts';
import { readCases } from './cases-folder.ts';
import type { Requirement } from './requirements.ts';
import { readRequirements } from './requirements.ts';

export interface CaseInputs {
  cases: WrittenCase[];
  /** By id, from the requirements file. */
  requirements: Map<string, Requirement>;
  requirementsFile: boolean;
}

export async function readCaseInputs(config: Pick<CasebookConfig, 'cases' | 'requirements'> & Partial<Pick<CasebookConfig, 'limits'>>, diagnostics: DiagnosticSink, cacheFile?: string): Promise<CaseInputs> {
  const { cases } = config.cases.length ? await readCases(config.cases, diagnostics, cacheFile, config.limits?.textFileBytes) : { cases: [] };
  const list = config.requirements ? await readRequirements(config.requirements, diagnostics, config.limits?.textFileBytes) : [];
  return { cases, requirements: new Map(list.map((r) => [r.id, r])), requirementsFile: Boolean(config.requirements) };
}
