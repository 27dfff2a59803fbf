// Known defects: curated explanations of failures, written by the team as
// Markdown files with front matter (read by read/defects.ts).
import type { Status } from './types.ts';

export const DEFECT_STATUSES = ['open', 'fixed', 'wontfix'] as const;
export type DefectStatus = (typeof DEFECT_STATUSES)[number];

export const DEFECT_KINDS = ['product', 'test', 'infrastructure'] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

/** The statuses a defect can explain. */
export const FAILURE_STATUSES = ['failed', 'broken'] as const satisfies readonly Status[];
export type FailureStatus = (typeof FAILURE_STATUSES)[number];

/** What a defect matches, as written in its `match:` block. Every given part must match. */
export interface DefectMatch {
  /** A regular expression that must match the whole (ANSI-stripped) message, as in categories.json. */
  message?: string;
  /** Same, over the whole stack trace. */
  trace?: string;
  statuses: FailureStatus[];
  /** Allure IDs (`ALLURE_ID`/`AS_ID` label) or test-case ids in `tms` links. */
  cases: string[];
  /** Globs over the test's fullName: `*` any text, `?` one character. */
  fullNames: string[];
  /** Label name → accepted values (globs); every named label must have one of its values. */
  labels: { name: string; values: string[] }[];
}

export interface Defect {
  id: string;
  /** URL slug, from the id. */
  slug: string;
  title: string;
  /** http(s) URL of the ticket, or ''. */
  issue: string;
  status: DefectStatus;
  kind: DefectKind;
  owner: string;
  match: DefectMatch;
  /** The explanation: the file's Markdown body, as written. */
  body: string;
  /** The file as the user named it (folder + relative path). */
  file: string;
  /** Line of `id:` in the file. */
  idLine: number;
  /** Line of `match:` in the file, for messages about the matchers. */
  matchLine: number;
}

/** Whether the run contradicts the defect's status. */
export type DefectDrift = 'regression' | 'not-seen' | 'none';
