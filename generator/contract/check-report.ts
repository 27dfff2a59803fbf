// `casebook check --format json`: the quality gate's machine-readable report.
import { z } from 'zod';
import { diagnosticSchema, totalsSchema } from './collections.ts';
import { breakdownSchema } from './defects.ts';

const defectPlaceSchema = z.object({ id: z.string(), title: z.string(), file: z.string(), line: z.number().int() });

export const gateCheckSchema = z.object({
  /** The flag that set the threshold. */
  name: z.enum(['max-unexplained', 'min-pass-rate', 'fail-on-regression', 'max-new-failures']),
  ok: z.boolean(),
  /** The threshold: a count, a percentage, or 0 regressions allowed. */
  limit: z.number(),
  actual: z.number(),
  message: z.string(),
});
export type GateCheck = z.infer<typeof gateCheckSchema>;

export const checkReportSchema = z.object({
  version: z.literal(1),
  /** True when every threshold holds. */
  ok: z.boolean(),
  /** 0 when ok, 1 when a threshold is broken. */
  exitCode: z.union([z.literal(0), z.literal(1)]),
  /** Names of the broken thresholds. */
  failedChecks: z.array(z.string()),
  checks: z.array(gateCheckSchema),
  run: totalsSchema.omit({ durationMs: true }),
  /** Percentage 0..100: passed / (passed + failed + broken). */
  passRate: z.number(),
  failures: breakdownSchema,
  /** Unexplained failures by signature, largest first. */
  unexplained: z.array(
    z.object({
      id: z.string(),
      count: z.number().int(),
      message: z.string(),
      tests: z.array(z.object({ name: z.string(), fullName: z.string(), file: z.string() })),
    }),
  ),
  regressions: z.array(defectPlaceSchema.extend({ count: z.number().int() })),
  notSeen: z.array(defectPlaceSchema),
  overlaps: z.array(z.object({ winner: z.string(), other: z.string(), count: z.number().int(), file: z.string(), line: z.number().int() })),
  categories: z.array(z.object({ name: z.string(), count: z.number().int() })),
  /** Input problems (rejected defect files, unreadable results, overlaps…), as in summary.json. */
  diagnostics: z.array(diagnosticSchema),
});
export type CheckReport = z.infer<typeof checkReportSchema>;
