// What a written test case's page shows (rendered as HTML by render/case-page.ts);
// the site's view helpers and the coverage data take their field types from here.
import { z } from 'zod';
import { statusSchema } from './collections.ts';
import { caseStateSchema, linkRuleSchema } from './coverage.ts';

const crumbSchema = z.object({ title: z.string(), slug: z.string() });

export const caseEntrySchema = z.object({
  kind: z.literal('case'),
  slug: z.string(),
  id: z.string(),
  title: z.string(),
  state: caseStateSchema,
  status: z.enum(['active', 'draft', 'deprecated']),
  format: z.enum(['markdown', 'yaml', 'gherkin']),
  /** The case file as the user named it, and the line the case starts on. */
  file: z.string(),
  line: z.number().int(),
  /** "Edit this case" link from the `editUrl` config; '' without one. Only http(s). */
  editUrl: z.string(),
  feature: z.object({ path: z.array(z.string()), slug: z.string(), crumbs: z.array(crumbSchema) }),
  owner: z.string(),
  severity: z.string(),
  layer: z.string(),
  tags: z.array(z.string()),
  /** Only http(s) URLs survive; others become ''. */
  requirements: z.array(z.object({ id: z.string(), title: z.string(), url: z.string() })),
  /** The tests that cover it, with the rule that linked each. */
  coveredBy: z.array(
    z.object({
      slug: z.string(),
      title: z.string(),
      status: statusSchema,
      flaky: z.boolean(),
      durationMs: z.number(),
      rule: linkRuleSchema,
      detail: z.string(),
    }),
  ),
  /** The `automation` selectors as written. */
  automation: z.array(z.string()),
  automationDeclared: z.boolean(),
  /** Values of a Scenario Outline row. */
  parameters: z.array(z.object({ name: z.string(), value: z.string() })),
  stepCount: z.number().int(),
  /** The latest failure's message, on one line. */
  message: z.string(),
});
export type CaseEntry = z.infer<typeof caseEntrySchema>;
