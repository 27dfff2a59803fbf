// Contract pieces for test cases and coverage that other collections embed
// (feature nodes, the run pages, test pages). No imports from collections.ts,
// so both files can use them.
import { z } from 'zod';
import { STATUSES } from './status.ts';

/** A case's state: its automated status, or why it has none. */
export const caseStateSchema = z.enum([...STATUSES, 'manual', 'not run', 'automated only']);
export type CaseStateValue = z.infer<typeof caseStateSchema>;

export const coverageSchema = z.object({
  total: z.number().int(),
  passing: z.number().int(),
  failing: z.number().int(),
  skipped: z.number().int(),
  manual: z.number().int(),
  notRun: z.number().int(),
  automatedOnly: z.number().int(),
});
export type CoverageCounts = z.infer<typeof coverageSchema>;

export const ZERO_COVERAGE: CoverageCounts = { total: 0, passing: 0, failing: 0, skipped: 0, manual: 0, notRun: 0, automatedOnly: 0 };

export const coverageToneSchema = z.enum(['failing', 'notRun', 'skipped', 'manual', 'partial', 'passing', 'empty']);

/** A case as a list shows it; `href` says whether its page is `cases/<slug>/` or the test page `tests/<slug>/`. */
export const caseRefSchema = z.object({
  id: z.string(),
  slug: z.string(),
  href: z.enum(['cases', 'tests']),
  title: z.string(),
  state: caseStateSchema,
});
export type CaseRef = z.infer<typeof caseRefSchema>;

export const linkRuleSchema = z.enum(['allure-id', 'tms', 'tag', 'automation']);
export type LinkRule = z.infer<typeof linkRuleSchema>;

/** On a test page: a written case this test covers, and the rule that linked them. */
export const coveredCaseSchema = caseRefSchema.extend({ rule: linkRuleSchema, detail: z.string() });
/** A written case a test covers, and the rule that linked them. */
export type CoveredCase = z.infer<typeof coveredCaseSchema>;

const cellSchema = z.object({
  slug: z.string(),
  title: z.string(),
  level: z.string(),
  coverage: coverageSchema,
  tone: coverageToneSchema,
  size: z.number().int().min(1).max(3),
});

/** The `coverage` block of `pages/coverage.md`: the map, requirements, and cases whose automation matched nothing. */
export const coveragePageSchema = z.object({
  totals: coverageSchema,
  states: z.record(caseStateSchema, z.number().int()),
  groups: z.array(z.object({ slug: z.string(), title: z.string(), coverage: coverageSchema, tone: coverageToneSchema, cells: z.array(cellSchema) })),
  requirements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      /** Only http(s) URLs survive; others become ''. */
      url: z.string(),
      listed: z.boolean(),
      cases: z.array(caseRefSchema),
      coverage: coverageSchema,
      tone: coverageToneSchema,
    }),
  ),
  unmatched: z.array(z.object({ id: z.string(), slug: z.string(), title: z.string(), file: z.string(), line: z.number().int(), message: z.string() })),
});
export type CoveragePage = z.infer<typeof coveragePageSchema>;
