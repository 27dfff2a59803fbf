// Scaffolds for the JavaScript runners with an Allure adapter: vitest, jest,
// mocha (allure-js-commons runtime API) and playwright.
import type { WrittenCase } from '../model/cases.ts';
import { slugify } from '../model/identity.ts';
import type { ScaffoldFile, ScaffoldHeader } from './types.ts';
import { allSteps, caseLabels, commentBlock, commentLines, preconditionNotes, quote, stepName, stepNotes } from './source-text.ts';

type JsFramework = 'vitest' | 'jest' | 'mocha' | 'playwright';

const LABEL_CALLS: Record<string, string> = { epic: 'epic', feature: 'feature', story: 'story', owner: 'owner', severity: 'severity', tag: 'tag' };

const SETUP: Record<JsFramework, { file: (slug: string) => string; imports: string[]; suite: string; test: string }> = {
  vitest: {
    file: (s) => `${s}.test.ts`,
    imports: ['import * as allure from "allure-js-commons";', 'import { describe, it } from "vitest";'],
    suite: 'describe',
    test: 'it',
  },
  jest: { file: (s) => `${s}.test.js`, imports: ['const allure = require("allure-js-commons");'], suite: 'describe', test: 'it' },
  mocha: { file: (s) => `${s}.spec.mjs`, imports: ['import * as allure from "allure-js-commons";'], suite: 'describe', test: 'it' },
  playwright: {
    file: (s) => `${s}.spec.ts`,
    imports: ['import { test } from "@playwright/test";', 'import * as allure from "allure-js-commons";'],
    suite: 'test.describe',
    test: 'test',
  },
};

export function javascriptScaffold(framework: JsFramework, c: WrittenCase, header: ScaffoldHeader): ScaffoldFile[] {
  const setup = SETUP[framework];
  const body: string[] = [];
  const line = (depth: number, text: string) => body.push(`${'  '.repeat(depth)}${text}`);
  line(2, `await allure.allureId(${quote(c.id)});`);
  for (const l of caseLabels(c)) {
    const call = LABEL_CALLS[l.name];
    line(2, call ? `await allure.${call}(${quote(l.value)});` : `await allure.label(${quote(l.name)}, ${quote(l.value)});`);
  }
  for (const [name, value] of Object.entries(c.parameters)) line(2, `await allure.parameter(${quote(name)}, ${quote(value)});`);
  for (const note of commentBlock(preconditionNotes(c), '//')) line(2, note);
  allSteps(c).forEach((step, i) => {
    body.push('');
    line(2, `await allure.step(${quote(stepName(step, i))}, async () => {`);
    line(3, '// TODO: do this step.');
    for (const note of commentBlock(stepNotes(step), '//')) line(3, note);
    line(2, '});');
  });
  const testArgs = framework === 'playwright' ? 'async ({ page }) =>' : 'async () =>';
  const suite = c.feature || c.epic || c.title;
  const lines = [
    ...header.lines.flatMap((h) => commentLines(h, '//')),
    ...setup.imports,
    '',
    `${setup.suite}(${quote(suite)}, () => {`,
    `  ${setup.test}(${quote(c.title)}, ${testArgs} {`,
    ...body,
    '  });',
    '});',
    '',
  ];
  return [{ path: setup.file(slugify(c.id)), content: lines.join('\n') }];
}
