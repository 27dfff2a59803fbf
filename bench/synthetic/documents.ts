// The files around the results: written test cases, known defects, and each shard's
// environment.properties, executor.json and categories.json.

import type { ErrorSignature } from './errors.ts';
import type { StoryPlan } from './plan.ts';
import type { Random } from './random.ts';
import type { OutputFile } from './results.ts';
import type { StepOutline, TestDefinition } from './suite.ts';
import { owners, severities, slug, tags as tagWords, testConditions, testOutcomes } from './vocabulary.ts';

// JSON strings are valid YAML scalars, and escaping is then never a question.
const q = (value: string): string => JSON.stringify(value);
const list = (values: readonly string[]): string => `[${values.map(q).join(', ')}]`;

export interface WrittenCase {
  id: string;
  title: string;
  story: StoryPlan;
  owner: string;
  tags: string[];
  severity: string;
  steps: StepOutline[];
}

export function caseOf(test: TestDefinition, story: StoryPlan): WrittenCase | undefined {
  if (!test.caseId) return undefined;
  return { id: test.caseId, title: test.title, story, owner: test.owner, tags: test.tags, severity: test.severity, steps: test.steps };
}

/** A case nobody automated yet: the manual part of the suite. */
export function manualCase(r: Random, id: string, story: StoryPlan): WrittenCase {
  const steps = Array.from({ length: r.int(3, 6) }, () => ({ name: `${r.pick(['Open', 'Check', 'Enter', 'Confirm', 'Compare'])} ${r.pick(['the form', 'the totals', 'the e-mail', 'the PDF', 'the audit entry'])}`, parameters: [], children: [] }));
  return { id, title: `${r.pick(testOutcomes)} ${r.pick(testConditions)} (manual)`, story, owner: r.pick(owners), tags: r.chance(0.5) ? ['manual'] : ['manual', r.pick(tagWords)], severity: r.pick(severities), steps };
}

export function caseFile(r: Random, c: WrittenCase): OutputFile {
  const front = [
    '---',
    `id: ${q(c.id)}`,
    `title: ${q(c.title)}`,
    `epic: ${q(c.story.epic)}`,
    `feature: ${q(c.story.feature)}`,
    `story: ${q(c.story.story)}`,
    `owner: ${q(c.owner)}`,
    `tags: ${list(c.tags)}`,
    `severity: ${q(c.severity)}`,
    '---',
  ];
  const steps = c.steps.map((s, i) => {
    const expected = r.chance(0.6) ? `\n   - Expected: ${r.pick(['the page shows no error', 'the total is updated', 'a confirmation appears', 'the list is sorted', 'the request returns 200'])}` : '';
    return `${i + 1}. ${s.name}${expected}`;
  });
  const body = [
    '',
    `The ${c.story.feature.toLowerCase()} ${c.title}.`,
    '',
    '## Preconditions',
    '',
    `- A ${r.pick(['registered customer', 'guest', 'admin user', 'seller account'])} exists`,
    `- The ${c.story.epic.toLowerCase()} service runs in staging`,
    '',
    '## Steps',
    '',
    ...steps,
    '',
  ];
  return { name: `${c.story.epicSlug}/${c.id}.md`, content: [...front, ...body].join('\n') };
}

export interface DefectSpec {
  id: string;
  signature: ErrorSignature;
  /** Set when the defect covers one epic's share of a signature. */
  epicSlug: string | undefined;
}

export function defectFile(r: Random, d: DefectSpec, issue: number): OutputFile {
  const s = d.signature;
  const regex = d.epicSlug && s.scopedRegex ? s.scopedRegex(d.epicSlug) : s.messageRegex;
  const title = d.epicSlug ? `${s.title} (${d.epicSlug})` : s.title;
  const status = r.chance(0.15) ? 'fixed' : 'open';
  const content = [
    '---',
    `id: ${q(d.id)}`,
    `title: ${q(title)}`,
    `issue: ${q(`https://jira.example.test/browse/SHOP-${issue}`)}`,
    `status: ${status}`,
    `kind: ${s.kind}`,
    'match:',
    `  message: ${q(regex)}`,
    '---',
    '',
    `${explanations[s.kind]} First seen on ${r.pick(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}'s nightly run after ${r.pick(['a dependency upgrade', 'the release of 4.2', 'a staging redeploy', 'the migration to the new cluster'])}.`,
    '',
    '## What to do',
    '',
    `- ${r.pick(['Re-run the job once; if it fails again, ping', 'Do not re-run; assign to', 'Check the dashboards, then tell'])} @${r.pick(owners)}.`,
    `- Track progress in SHOP-${issue}.`,
    '',
  ].join('\n');
  return { name: `${d.id}-${slug(title)}.md`, content };
}

const explanations: Record<ErrorSignature['kind'], string> = {
  product: 'A real product bug: the application answers differently from the specification, and the test is right to fail.',
  test: 'A problem in the test code, not in the product: the test needs fixing, and the failure says nothing about the feature.',
  infrastructure: 'The test environment failed, not the product: the failure comes from a service the tests depend on.',
};

export function environmentFile(shard: number, shards: number): OutputFile {
  const lines = [
    'app.version=4.2.0-rc.3',
    `base.url=https://staging.shop.test`,
    'browser=chromium 131',
    `node=v22.12.0`,
    `os=Linux 6.8 x64`,
    `shard=${shard}/${shards}`,
  ];
  return { name: 'environment.properties', content: `${lines.join('\n')}\n` };
}

export function executorFile(shard: number, shards: number, build: number): OutputFile {
  const value = {
    name: 'GitHub Actions',
    type: 'github',
    url: 'https://github.com/example/shop',
    buildOrder: build,
    buildName: `nightly #${build}${shards > 1 ? ` (shard ${shard}/${shards})` : ''}`,
    buildUrl: `https://github.com/example/shop/actions/runs/${12000000 + build}${shards > 1 ? `/job/${shard}` : ''}`,
    reportName: 'Shop nightly',
  };
  return { name: 'executor.json', content: JSON.stringify(value, null, 2) };
}

export function categoriesFile(signatures: readonly ErrorSignature[]): OutputFile {
  const infrastructure = signatures.filter((s) => s.kind === 'infrastructure').map((s) => s.messageRegex);
  const value = [
    { name: 'Infrastructure problems', description: 'The environment failed, not the product.', messageRegex: `(${infrastructure.join('|')})`, matchedStatuses: ['broken', 'failed'] },
    { name: 'Locator problems', messageRegex: '.*(toBeVisible|outside of the viewport).*', matchedStatuses: ['failed'] },
    { name: 'Ignored tests', matchedStatuses: ['skipped'] },
    { name: 'Product defects', matchedStatuses: ['failed'] },
    { name: 'Test defects', matchedStatuses: ['broken'] },
  ];
  return { name: 'categories.json', content: JSON.stringify(value, null, 2) };
}
