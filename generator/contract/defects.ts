// The generated collections about failures and known defects (part of the
// contract between generator and site; src/content.config.ts imports these).
import { z } from 'zod';

import { statusSchema } from './status.ts';

export const defectKindSchema = z.enum(['product', 'test', 'infrastructure']);
export const defectStatusSchema = z.enum(['open', 'fixed', 'wontfix']);
/** `regression`: fixed, yet it matched failures; `not-seen`: open, yet it matched nothing. */
export const defectDriftSchema = z.enum(['regression', 'not-seen', 'none']);

const defectRefFields = {
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  status: defectStatusSchema,
  defectKind: defectKindSchema,
  drift: defectDriftSchema,
  owner: z.string(),
  /** http(s) only, else ''. */
  issue: z.string(),
};

/** On a failing test's page: the defect that explains the failure. */
export const testDefectSchema = z.object(defectRefFields);
export type TestDefect = z.infer<typeof testDefectSchema>;

const affectedTestSchema = z.object({ slug: z.string(), title: z.string(), status: statusSchema, fullName: z.string() });

/** `defects/<slug>.md`: one page per known defect; the body is its explanation. */
export const defectEntrySchema = z.object({
  kind: z.literal('defect'),
  ...defectRefFields,
  /** The defect file, as the user named it. */
  file: z.string(),
  /** 1-based position in the matching order. */
  order: z.number().int(),
  counts: z.object({ total: z.number().int(), failed: z.number().int(), broken: z.number().int() }),
  matchers: z.array(z.object({ name: z.string(), value: z.string() })),
  tests: z.array(affectedTestSchema),
  overlaps: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string(), count: z.number().int(), first: z.boolean() })),
  /** Over the history's runs: how many of the tests it explains now failed in each, and the first and last run they did (absent without a history). */
  history: z
    .object({
      firstSeen: z.number().optional(),
      lastSeen: z.number().optional(),
      perRun: z.array(z.object({ start: z.number(), failures: z.number().int() })),
    })
    .optional(),
});
export type DefectEntry = z.infer<typeof defectEntrySchema>;

export const breakdownSchema = z.object({
  failures: z.number().int(),
  explained: z.number().int(),
  byKind: z.object({ product: z.number().int(), test: z.number().int(), infrastructure: z.number().int() }),
  unexplained: z.number().int(),
  unexplainedMuted: z.number().int(),
  groups: z.number().int(),
  regressions: z.number().int(),
  notSeen: z.number().int(),
});

export const signatureGroupSchema = z.object({
  id: z.string(),
  rank: z.number().int(),
  count: z.number().int(),
  failed: z.number().int(),
  broken: z.number().int(),
  /** The normalized message and top frames. */
  message: z.string(),
  frames: z.array(z.string()),
  sampleMessage: z.string(),
  sampleTrace: z.string(),
  tests: z.array(affectedTestSchema),
  /** Members not listed in `tests`. */
  moreTests: z.number().int(),
  /** A ready-to-copy defect file whose matcher takes the whole group. */
  suggestion: z.string(),
  /** Ids of other groups the suggested matcher also takes (empty when exact). */
  alsoMatches: z.array(z.string()),
});
export type SignatureGroupEntry = z.infer<typeof signatureGroupSchema>;

/** `triage/failures.md`: the run's failures, for the overview, the defects list and the unexplained page. */
export const triageEntrySchema = z.object({
  kind: z.literal('triage'),
  slug: z.literal('failures'),
  breakdown: breakdownSchema,
  /** Allure categories (categories.json and the two defaults), by name. */
  categories: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** In matching order. */
  defects: z.array(z.object({ ...defectRefFields, count: z.number().int(), failed: z.number().int(), broken: z.number().int(), file: z.string() })),
  groups: z.array(signatureGroupSchema),
  /** Groups left off the page (the smallest). */
  moreGroups: z.number().int(),
});
export type TriageEntry = z.infer<typeof triageEntrySchema>;
