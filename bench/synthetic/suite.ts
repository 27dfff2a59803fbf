// The test code the synthetic results come from: files of tests, each test with a stable
// name, metadata, step outline and (for some) parameter sets. Results are runs of these.

import { createHash } from 'node:crypto';
import type { Parameter } from './allure-types.ts';
import type { StoryPlan } from './plan.ts';
import type { Random } from './random.ts';
import type { Framework } from './vocabulary.ts';
import {
  capitalize, frameworks, owners, severities, stepActions, stepTargets, tags as tagWords, testConditions, testOutcomes,
} from './vocabulary.ts';

export interface StepOutline {
  name: string;
  parameters: Parameter[];
  children: StepOutline[];
}

/** How the test points at its written case, if it has one (DESIGN: "Automated tests link to cases"). */
export type CaseLink = 'tms' | 'allure-id' | 'name-tag' | 'none';

export interface TestDefinition {
  title: string;
  name: string;
  fullName: string;
  testCaseId: string;
  titlePath: string[];
  owner: string;
  severity: string;
  tags: string[];
  caseId: string | undefined;
  caseLink: CaseLink;
  issue: string | undefined;
  description: string | undefined;
  steps: StepOutline[];
  /** One entry per result this test yields in a run; `[[]]` for a plain test. */
  parameterSets: Parameter[][];
}

export interface TestFile {
  story: StoryPlan;
  framework: Framework;
  /** Relative to the repository: `tests/orders/refunds/approve.spec.ts`. */
  path: string;
  describe: string;
  tests: TestDefinition[];
}

export function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** allure-js: `md5(testCaseId or md5(fullName)) + ":" + md5(non-excluded params sorted by name, value)`. */
export function allureJsHistoryId(testCaseId: string, parameters: readonly Parameter[]): string {
  const params = parameters
    .filter((p) => !p.excluded)
    .sort((a, b) => a.name.localeCompare(b.name) || a.value.localeCompare(b.value))
    .map((p) => `${p.name}:${p.value}`)
    .join(',');
  return `${testCaseId}:${md5(params)}`;
}

export interface SuiteCounters {
  nextCase: number;
  nextIssue: number;
}

// Probability that a test is parameterized; with 2–4 variants each, ~20% of results carry parameters.
const parameterizedShare = 0.08;

export function makeTestFile(r: Random, story: StoryPlan, testCount: number, counters: SuiteCounters): TestFile {
  const framework = r.pick(frameworks);
  const path = `tests/${story.path}${framework.extension}`;
  const describe = story.story;
  const titles = new Set<string>();
  const tests: TestDefinition[] = [];
  while (tests.length < testCount) {
    let title = `${r.pick(testOutcomes)} ${r.pick(testConditions)}`;
    if (titles.has(title)) title = `${title} (${titles.size + 1})`;
    titles.add(title);
    tests.push(makeTest(r, story, framework, path, describe, title, counters));
  }
  return { story, framework, path, describe, tests };
}

function makeTest(
  r: Random, story: StoryPlan, framework: Framework, path: string, describe: string, title: string, counters: SuiteCounters,
): TestDefinition {
  const written = r.chance(0.6);
  const caseId = written ? `TC-${String(++counters.nextCase).padStart(5, '0')}` : undefined;
  const caseLink: CaseLink = !caseId ? 'none' : r.pick(['tms', 'tms', 'tms', 'allure-id', 'allure-id', 'name-tag'] as const);
  const name = caseLink === 'name-tag' ? `${title} @${caseId}` : title;
  const fullName = framework.style === 'mocha' ? `${path}: ${describe} > ${name}` : `${path}#${describe} ${name}`;
  const tagCount = r.int(0, 2);
  const tags = [...new Set(Array.from({ length: tagCount }, () => r.pick(tagWords)))].sort();
  return {
    title,
    name,
    fullName,
    testCaseId: md5(fullName),
    titlePath: [...path.split('/'), describe],
    owner: r.pick(owners),
    severity: r.pick(severities),
    tags,
    caseId,
    caseLink,
    issue: r.chance(0.12) ? `SHOP-${1000 + (counters.nextIssue++ % 4000)}` : undefined,
    description: r.chance(0.15) ? `Checks that the ${story.feature.toLowerCase()} ${title}.\n\nSee the story *${story.story}*.` : undefined,
    steps: makeOutline(r),
    parameterSets: r.chance(parameterizedShare) ? makeParameterSets(r) : [[]],
  };
}

function stepName(r: Random): string {
  return `${r.pick(stepActions)} ${r.pick(stepTargets)}`;
}

function stepParameters(r: Random): Parameter[] {
  if (!r.chance(0.15)) return [];
  return [r.pick([
    { name: 'url', value: `https://staging.shop.test/${r.pick(['cart', 'checkout', 'account', 'admin'])}` },
    { name: 'sku', value: `SKU-${r.int(1000, 9999)}` },
    { name: 'quantity', value: String(r.int(1, 9)) },
    { name: 'user', value: `user-${r.int(100, 999)}@example.test` },
  ])];
}

/** 3–8 top-level steps, nested two or three levels deep. */
function makeOutline(r: Random): StepOutline[] {
  const make = (depth: number): StepOutline => {
    const childCount = depth >= 3 ? 0 : r.chance(depth === 1 ? 0.55 : 0.3) ? r.int(1, 3) : 0;
    return { name: depth === 1 ? capitalize(stepName(r)) : stepName(r), parameters: stepParameters(r), children: Array.from({ length: childCount }, () => make(depth + 1)) };
  };
  return Array.from({ length: r.int(3, 8) }, () => make(1));
}

function makeParameterSets(r: Random): Parameter[][] {
  const variants = r.int(2, 4);
  const axis = r.pick([
    { name: 'browser', values: ['chromium', 'firefox', 'webkit'] },
    { name: 'locale', values: ['en-US', 'de-DE', 'fr-FR', 'ja-JP'] },
    { name: 'currency', values: ['EUR', 'USD', 'GBP', 'PLN'] },
    { name: 'role', values: ['guest', 'customer', 'admin', 'seller'] },
  ]);
  const withSecret = r.chance(0.3);
  const withExcluded = r.chance(0.3);
  const withHidden = r.chance(0.1);
  return Array.from({ length: Math.min(variants, axis.values.length) }, (_, i) => {
    const set: Parameter[] = [{ name: axis.name, value: axis.values[i] ?? `v${i}` }];
    if (withSecret) set.push({ name: 'password', value: `Pw-${r.hex(10)}`, mode: 'masked' });
    if (withHidden) set.push({ name: 'apiToken', value: `tok_${r.hex(24)}`, mode: 'hidden' });
    // Left out of the identity, as a run-specific value should be.
    if (withExcluded) set.push({ name: 'runSeed', value: String(r.int(1, 1_000_000)), excluded: true });
    return set;
  });
}
