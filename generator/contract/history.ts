// The history a Casebook site carries under history/, read back by the next
// build (`--history`): one index of the last runs (at most historyLimit) with a
// status strip and durations per test, oldest run first. Bounded by the
// limit, so it stays small; it comes from a published site, so it is checked
// as untrusted input.
import { z } from 'zod';
import { totalsSchema } from './collections.ts';

/** Where the history lives in a site. */
export const HISTORY_INDEX = 'history/index.json';

/** One status per run in a test's strip: passed, failed, broken, skipped, unknown, or "-" when the test was not in that run. */
export const STRIP_CODES = { passed: 'p', failed: 'f', broken: 'b', skipped: 's', unknown: 'u' } as const;
export const NOT_RUN = '-';
/** The most of a failure's first line the history keeps. */
export const MESSAGE_CHARS = 160;

export const historyRunSchema = z.object({
  /** The run's start (ms since 1970) and its place in the history: unique within it. */
  id: z.string().min(1).max(64),
  start: z.number(),
  stop: z.number(),
  totals: totalsSchema,
});
export type HistoryRun = z.infer<typeof historyRunSchema>;

export const historyTestSchema = z.object({
  name: z.string().max(10_000),
  fullName: z.string().max(10_000),
  /** One code per run of `runs`, in the same order (STRIP_CODES or NOT_RUN). */
  strip: z.string().regex(/^[pfbsu-]*$/),
  /** Duration per run in ms, null when not run. */
  durations: z.array(z.number().nonnegative().nullable()),
  /** The first line of its failure message, by run id, kept in the runs where it changed (absent when it never failed in the runs kept). */
  messages: z.record(z.string(), z.string().max(MESSAGE_CHARS)).optional(),
});
export type HistoryTest = z.infer<typeof historyTestSchema>;

export const historySchema = z.object({
  format: z.literal('casebook-history'),
  version: z.literal(1),
  /** Oldest first; the last is the run this site shows (unless it was built without appending). */
  runs: z.array(historyRunSchema).max(10_000),
  /** By the test's identity (ALLURE_ID || testCaseId || fullName, with its parameters). */
  tests: z.record(z.string(), historyTestSchema),
});
export type History = z.infer<typeof historySchema>;

/** A test an imported Allure history knows only by Allure's historyId: `allure-history-id:<historyId>`, until the link stage finds it (model/history.ts adoptForeignKeys). */
export const FOREIGN_KEY_PREFIX = 'allure-history-id:';

export const EMPTY_HISTORY: History = { format: 'casebook-history', version: 1, runs: [], tests: {} };
