// The one contract between the generator and the site: the schemas of the
// generated content collections. Render tests validate every page's front
// matter with these, and src/content.config.ts imports the same schemas.
import { z } from 'zod';
import { coveragePageSchema, coverageSchema } from './coverage.ts';
import { breakdownSchema } from './defects.ts';

import { statusSchema } from './status.ts';

export { statusSchema };

export const totalsSchema = z.object({
  total: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  broken: z.number().int(),
  skipped: z.number().int(),
  unknown: z.number().int(),
  flaky: z.number().int(),
  durationMs: z.number(),
});

const crumbSchema = z.object({ title: z.string(), slug: z.string() });

export type Status = z.infer<typeof statusSchema>;

/** A test as a list shows it (a feature page's tests). */
export interface TestRef {
  slug: string;
  title: string;
  status: Status;
  flaky: boolean;
  durationMs: number;
}

/** The content folder's features file: every node of the epic > feature > story tree, as a JSON array of feature entries. */
export const FEATURES_FILE = 'features.json';

/** One node of the epic > feature > story tree, for the nav and the features index (the node's own page is HTML the generator renders). */
export const featureEntrySchema = z.object({
  kind: z.literal('feature'),
  slug: z.string(),
  title: z.string(),
  path: z.array(z.string()),
  level: z.enum(['root', 'epic', 'feature', 'story']),
  source: z.enum(['labels', 'suites', 'package', 'none', 'root']),
  crumbs: z.array(crumbSchema),
  totals: totalsSchema,
  children: z.array(z.object({ slug: z.string(), title: z.string(), level: z.string(), totals: totalsSchema, coverage: coverageSchema.optional() })),
  /** Case coverage over this node and below. */
  coverage: coverageSchema.optional(),
});
export type FeatureEntry = z.infer<typeof featureEntrySchema>;

/** A diagnostic as summary.json and `casebook check --format json` list it. */
export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
});

export const rejectedSchema = z.object({
  file: z.string(),
  reason: z.string(),
  code: z.string(),
});

const executorViewSchema = z.object({
  name: z.string(),
  type: z.string(),
  buildName: z.string(),
  /** Only http(s) URLs survive; others become ''. */
  buildUrl: z.string(),
});

/** `pages/overview.md`, `pages/features.md` (and `pages/coverage.md`, with its coverage). */
/** One run of the overview's trend (contract/view/trend.ts draws it). */
export const trendPointSchema = z.object({
  start: z.number(),
  totals: totalsSchema,
  /** Percentage 0..100. */
  passRate: z.number(),
  /** The run's wall time. */
  durationMs: z.number(),
  /** Failing tests that did not fail in the run before (0 for the first run of the history). */
  newFailures: z.number().int(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const pageEntrySchema = z.object({
  kind: z.literal('page'),
  slug: z.enum(['overview', 'features', 'coverage']),
  title: z.string(),
  runTitle: z.string(),
  totals: totalsSchema,
  /** Percentage 0..100: passed / (passed + failed + broken). */
  passRate: z.number(),
  start: z.number(),
  stop: z.number(),
  environment: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  executors: z.array(executorViewSchema),
  features: z.array(z.object({ slug: z.string(), title: z.string(), level: z.string(), totals: totalsSchema, coverage: coverageSchema.optional() })),
  rejected: z.array(rejectedSchema),
  warnings: z.number().int(),
  /** Only on `pages/coverage.md`. */
  coverage: coveragePageSchema.optional(),
  /** Only on `pages/overview.md`: the runs of the history, the latest last (two at least). */
  trend: z.array(trendPointSchema).optional(),
});
export type PageEntry = z.infer<typeof pageEntrySchema>;

/** What changed against the previous run of the history, as counts (summary.json). */
export const diffCountsSchema = z.object({
  newFailures: z.number().int(),
  fixed: z.number().int(),
  stillFailing: z.number().int(),
  newTests: z.number().int(),
  removedTests: z.number().int(),
});
export type DiffCounts = z.infer<typeof diffCountsSchema>;

/** `public/summary.json` at the root of the site. */
export const summarySchema = z.object({
  version: z.literal(1),
  title: z.string(),
  run: totalsSchema.extend({ start: z.number(), stop: z.number() }),
  passRate: z.number(),
  features: z.number().int(),
  /** Failures explained by known defects (per kind) and unexplained, for badges and gates. */
  failures: breakdownSchema.optional(),
  /** Failed and broken results per Allure category, in Allure 2's order (the configured categories, then Product and Test defects). */
  categories: z.array(z.object({ name: z.string(), count: z.number().int() })),
  rejected: z.array(rejectedSchema),
  diagnostics: z.array(diagnosticSchema),
  /** Against the previous run of the history (all 0 without one). */
  diff: diffCountsSchema,
  /** Runs in the history, this one included. */
  history: z.object({ runs: z.number().int() }),
});
export type Summary = z.infer<typeof summarySchema>;
