// Written test cases (Markdown, YAML, Gherkin) and what linking makes of them.
// Readers produce `WrittenCase`; the link stage turns written cases and results
// into `TestCase`s, each with a state, and counts them per feature node.
import { caseStateSchema, type CaseStateValue, linkRuleSchema } from '../contract/coverage.ts';
import type { FeatureNode, Status } from './types.ts';

export const CASE_FORMATS = ['markdown', 'yaml', 'gherkin'] as const;
export type CaseFormat = (typeof CASE_FORMATS)[number];

export const CASE_STATUSES = ['active', 'draft', 'deprecated'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseStep {
  /** Gherkin keyword as written (`Given`, `When`, `And`…); '' for Markdown and YAML steps. */
  keyword: string;
  /** Plain text on one line: for titles, scaffolds and search. */
  action: string;
  expected: string;
  /** The same, as Markdown as written; the page renders it with raw HTML shown as text and unsafe links dropped. */
  actionMarkdown: string;
  expectedMarkdown: string;
  /** Extra blocks of the step (tables, code, doc strings) as Markdown. */
  details: string;
  /** A Gherkin data table, kept as rows of cells (for scaffolds). */
  dataTable?: string[][];
  /** A Gherkin doc string (for scaffolds). */
  docString?: { content: string; mediaType: string };
}

/**
 * Which results a case declares as its automation. Every given condition must hold.
 * Globs: `*` is any run of characters (slashes included), `?` one character.
 */
export interface AutomationSelector {
  fullName?: string;
  /** Label name → glob of its value. */
  labels?: Record<string, string>;
  /** How the selector was written, for messages: `fullName: "*cart*"`. */
  text: string;
  /** Set by the reader for the selector a Gherkin scenario implies (its file and name). */
  implicit?: boolean;
}

/** The metadata every case format shares (front matter, YAML keys, Gherkin tags). */
export interface CaseFields {
  id: string;
  title: string;
  epic: string;
  feature: string;
  story: string;
  owner: string;
  tags: string[];
  severity: string;
  layer: string;
  requirements: string[];
  status: CaseStatus;
  automation: AutomationSelector[];
}

export interface WrittenCase extends CaseFields {
  format: CaseFormat;
  /** The file as the user named it (cases folder + relative path), for messages. */
  file: string;
  /** Path relative to the repository root (the folder holding `.git`), for edit links. */
  repoPath: string;
  line: number;
  /** Markdown. */
  description: string;
  /** Markdown. */
  preconditions: string;
  /** Gherkin Background steps (also rendered into `preconditions`). */
  background: CaseStep[];
  steps: CaseStep[];
  /** Explicit selectors, a Gherkin scenario, or `automated: true`: a missing result is "not run", not "manual". */
  automationDeclared: boolean;
  /** Other ids results may carry for this case (a Scenario Outline row answers to its outline's id). */
  aliases: string[];
  /** Values of a Scenario Outline row: a result that has parameters of these names must carry the same values. */
  parameters: Record<string, string>;
}

export const CASE_STATES = caseStateSchema.options;
export type CaseState = CaseStateValue;

export const LINK_RULES = linkRuleSchema.options;
export type LinkRule = (typeof LINK_RULES)[number];


/** Why a result covers a case: the first rule that matched, and what exactly matched. */
export interface CaseLink {
  resultKey: string;
  rule: LinkRule;
  detail: string;
}

export interface TestCase {
  /** The written id; for an automated-only case, the result's key. */
  id: string;
  /** `cases/<slug>/` for a written case; the test page's slug (`tests/<slug>/`) for an automated-only one. */
  slug: string;
  href: 'cases' | 'tests';
  title: string;
  written?: WrittenCase;
  /** The results that cover it, with the rule that linked each. Sorted by result key. */
  links: CaseLink[];
  /** For an automated-only case: the result it stands for. */
  resultKey?: string;
  state: CaseState;
  /** The worst status among the covering results, when there are any. */
  status?: Status;
  /** Where it sits in the feature tree; a written case's own epic/feature/story count as labels. */
  path: string[];
  source: FeatureNode['source'];
}

/** Coverage counts of a feature node: cases by what their automation says. */
export interface Coverage {
  total: number;
  /** Automated and passing. */
  passing: number;
  /** Automated and failed or broken. */
  failing: number;
  /** Automated and skipped (or unknown). */
  skipped: number;
  /** Written, no automation. */
  manual: number;
  /** Automation declared, no result in this run. */
  notRun: number;
  /** Of all the above: cases with no written case (automated only). */
  automatedOnly: number;
}

export type CoverageBucket = 'passing' | 'failing' | 'skipped' | 'manual' | 'notRun';

export function emptyCoverage(): Coverage {
  return { total: 0, passing: 0, failing: 0, skipped: 0, manual: 0, notRun: 0, automatedOnly: 0 };
}

export function bucketOf(state: CaseState, status?: Status): CoverageBucket {
  const s = state === 'automated only' ? status ?? 'unknown' : state;
  switch (s) {
    case 'passed':
      return 'passing';
    case 'failed':
    case 'broken':
      return 'failing';
    case 'manual':
      return 'manual';
    case 'not run':
      return 'notRun';
    default:
      return 'skipped';
  }
}

export function addToCoverage(coverage: Coverage, c: Pick<TestCase, 'state' | 'status'>): void {
  coverage.total++;
  coverage[bucketOf(c.state, c.status)]++;
  if (c.state === 'automated only') coverage.automatedOnly++;
}

/** Ids compare without case, a leading `@` or `#`, and with spaces/underscores as dashes: `TC 101` = `tc-101`. */
export function normalizeId(id: string): string {
  return id
    .trim()
    .replace(/^[@#]+/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}
