// One case file → its cases and what was wrong with it; the unit of work the
// case readers share out between processes (see case-workers.ts).
import { inputFileReason, readInputText } from '../input-file.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { WrittenCase } from '../../model/cases.ts';
import type { CaseSource } from './fields.ts';
import { gherkinCaseReader } from './gherkin.ts';
import { markdownCaseReader } from './markdown.ts';
import { yamlCaseReader } from './yaml-case.ts';

/** One input format of written cases (as Allure 3's readers: which files, and one file → data). */
export interface CaseReader {
  readonly name: string;
  matches(fileName: string): boolean;
  parse(text: string, src: CaseSource): WrittenCase[];
}

export const CASE_READERS: readonly CaseReader[] = [markdownCaseReader, yamlCaseReader, gherkinCaseReader];

export interface CaseFileJob {
  /** Name relative to its cases folder: picks the reader. */
  name: string;
  /** Absolute path to read. */
  path: string;
  /** The real path of its cases folder, which the file must resolve inside. */
  folder: string;
  /** Its size cap (limits.textFileBytes). */
  maxBytes: number;
  /** As shown to users. */
  shownAs: string;
  /** Relative to the repository root, for edit links. */
  repoPath: string;
  /** The file's text when the caller has read it already (see case-cache.ts); else it is read here. */
  text?: string;
}

export interface CaseFileOutcome {
  cases: WrittenCase[];
  found: Diagnostic[];
}

export async function readCaseFile(job: CaseFileJob): Promise<CaseFileOutcome> {
  const reader = CASE_READERS.find((r) => r.matches(job.name))!;
  const found: Diagnostic[] = [];
  const src: CaseSource = { file: job.shownAs, repoPath: job.repoPath, report: (d) => found.push(d) };
  try {
    return { cases: reader.parse(job.text ?? (await readInputText(job.path, job.folder, job.maxBytes)), src), found };
  } catch (error) {
    found.push({ severity: 'error', code: 'case/unreadable', message: `cannot read: ${inputFileReason(error)}`, file: src.file, rejected: true });
    return { cases: [], found };
  }
}
