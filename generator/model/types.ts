// The domain model: every field required, defaults applied, nothing raw.
// Readers narrow the files' JSON into these types; later stages never see raw JSON.
import type { Coverage } from './cases.ts';

import type { Status } from '../contract/status.ts';

export { STATUSES, type Status } from '../contract/status.ts';

export interface StatusDetails {
  message: string;
  trace: string;
  known: boolean;
  muted: boolean;
  flaky: boolean;
  actual?: string;
  expected?: string;
}

export interface Parameter {
  name: string;
  /** Already masked (`******`) when mode is `masked`. */
  value: string;
  excluded: boolean;
  mode: 'default' | 'masked' | 'hidden';
}

export interface Label {
  name: string;
  value: string;
}

export interface Link {
  name: string;
  url: string;
  type: string;
}

export type AttachmentPreview = 'image' | 'text' | 'html' | 'video' | 'download';

export interface Attachment {
  name: string;
  /** The `source` file name as written in the results folder. */
  source: string;
  /** Absolute path of the file on disk (only the writer reads it); '' when `content` holds it. */
  path: string;
  /** The attachment itself, for one that came inside its report (JUnit system-out, Cucumber embeddings), not as a file. */
  content?: string | Buffer;
  /** Path the site serves it under, relative to the site root: `attachments/<shard>/<source>`. */
  href: string;
  contentType: string;
  sizeBytes: number;
  preview: AttachmentPreview;
  /** The first bytes of a text or HTML attachment, for its preview. */
  text?: string;
  /** True when `text` holds only the beginning of the file. */
  truncated?: boolean;
}

export interface Step {
  name: string;
  status: Status;
  statusDetails: StatusDetails;
  start: number;
  stop: number;
  durationMs: number;
  parameters: Parameter[];
  attachments: Attachment[];
  steps: Step[];
}

export interface Fixture {
  kind: 'setup' | 'teardown';
  name: string;
  status: Status;
  statusDetails: StatusDetails;
  start: number;
  durationMs: number;
  steps: Step[];
  attachments: Attachment[];
  parameters: Parameter[];
}

/** One execution of a test. A Result keeps its earlier attempts (retries). */
export interface Attempt {
  uuid: string;
  file: string;
  status: Status;
  statusDetails: StatusDetails;
  start: number;
  stop: number;
  durationMs: number;
}

export interface Result {
  /** Casebook's identity: (ALLURE_ID || testCaseId || fullName) + hash of non-excluded parameters. */
  key: string;
  /** Stable URL slug derived from `key`. */
  slug: string;
  uuid: string;
  /** The result file this attempt came from (relative to its results folder, prefixed by the shard). */
  file: string;
  shard: number;
  name: string;
  fullName: string;
  historyId: string;
  testCaseId: string;
  allureId: string;
  titlePath: string[];
  status: Status;
  statusDetails: StatusDetails;
  stage: string;
  description: string;
  /** Already sanitized. */
  descriptionHtml: string;
  start: number;
  stop: number;
  durationMs: number;
  labels: Label[];
  links: Link[];
  parameters: Parameter[];
  attachments: Attachment[];
  steps: Step[];
  setup: Fixture[];
  teardown: Fixture[];
  /** Earlier attempts, oldest first (the result itself is the latest). */
  retries: Attempt[];
  /** statusDetails.flaky, or failed-then-passed within this run's retries. */
  flaky: boolean;
}

export interface Category {
  name: string;
  description: string;
  messageRegex?: string;
  traceRegex?: string;
  matchedStatuses: Status[];
  flaky?: boolean;
  /** The shard whose categories.json declared it. */
  shard: number;
}

export interface Executor {
  name: string;
  type: string;
  buildName: string;
  buildUrl: string;
  buildOrder?: number;
  reportName: string;
  reportUrl: string;
  url: string;
  shard: number;
}

export interface EnvironmentEntry {
  name: string;
  /** One value per shard that declared it; identical values are merged. */
  values: string[];
}

/** An error reported outside any test (allure-js `*-globals.json`). */
export interface GlobalError {
  message: string;
  trace: string;
  file: string;
}

export interface Run {
  results: Result[];
  globalErrors: GlobalError[];
  environment: EnvironmentEntry[];
  executors: Executor[];
  categories: Category[];
  /** The results folders read, in command-line order. */
  shards: string[];
  start: number;
  stop: number;
}

export interface RunTotals {
  total: number;
  passed: number;
  failed: number;
  broken: number;
  skipped: number;
  unknown: number;
  flaky: number;
  durationMs: number;
}

export type FeatureLevel = 'root' | 'epic' | 'feature' | 'story';

export interface FeatureNode {
  /** Path segments from the root, e.g. ['Checkout', 'Payment', 'Card']. */
  path: string[];
  slug: string;
  title: string;
  level: FeatureLevel;
  /** How the grouping was found: labels, suites, package, or none. */
  source: 'labels' | 'suites' | 'package' | 'none' | 'root';
  children: FeatureNode[];
  /** Keys of the results grouped directly under this node. */
  results: string[];
  /** Counts over this node and every node below it. */
  totals: RunTotals;
  /** Ids of the test cases (written or automated-only) directly under this node. */
  cases: string[];
  /** Case coverage over this node and every node below it. */
  coverage: Coverage;
}
