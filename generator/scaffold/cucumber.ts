// Scaffold for cucumber-js: a .feature file whose scenario carries the case's
// Allure id as a tag, and step definitions matching each step exactly. With
// allure-cucumberjs every Gherkin step is an Allure step.
import type { CaseStep, WrittenCase } from '../model/cases.ts';
import { slugify } from '../model/identity.ts';
import { oneLine } from '../markdown/fragments.ts';
import { allSteps, commentBlock, commentLines, preconditionNotes } from './source-text.ts';
import type { ScaffoldFile, ScaffoldHeader } from './types.ts';

interface GherkinLine {
  keyword: string;
  text: string;
  /** The function that defines it: Given, When or Then. */
  define: 'Given' | 'When' | 'Then';
  dataTable?: string[][];
  docString?: { content: string; mediaType: string };
}

const tag = (text: string) => `@${text.trim().replace(/\s+/g, '-').replace(/@/g, '')}`;

function gherkinLines(c: WrittenCase): GherkinLine[] {
  const lines: GherkinLine[] = [];
  let last: GherkinLine['define'] = 'Given';
  const from = (step: CaseStep, i: number) => {
    if (c.format === 'gherkin' && step.keyword) {
      const define = (['Given', 'When', 'Then'] as const).find((k) => k === step.keyword) ?? last;
      last = define;
      lines.push({ keyword: step.keyword, text: oneLine(step.action.slice(step.keyword.length)), define, dataTable: step.dataTable, docString: step.docString });
      return;
    }
    lines.push({ keyword: 'When', text: oneLine(step.action) || `step ${i + 1}`, define: 'When' });
    if (step.expected) lines.push({ keyword: 'Then', text: oneLine(step.expected), define: 'Then' });
  };
  allSteps(c).forEach(from);
  return lines;
}

const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '\\n');

function featureFile(c: WrittenCase, header: ScaffoldHeader, lines: GherkinLine[]): string {
  const out = [...header.lines.flatMap((h) => commentLines(h, '#')), `Feature: ${oneLine(c.feature || c.epic || c.title)}`, ''];
  out.push(`  ${[tag(`allure.id:${c.id}`), ...c.tags.map(tag)].join(' ')}`);
  out.push(`  Scenario: ${oneLine(c.title)}`);
  for (const note of commentBlock(preconditionNotes(c), '    #')) out.push(note);
  for (const l of lines) {
    out.push(`    ${l.keyword} ${l.text}`);
    if (l.dataTable) for (const row of l.dataTable) out.push(`      | ${row.map(cell).join(' | ')} |`);
    if (l.docString) {
      out.push(`      """${/^[\w+-]*$/.test(l.docString.mediaType) ? l.docString.mediaType : ''}`);
      for (const d of l.docString.content.split('\n')) out.push(`      ${d.replace(/"""/g, '\\"\\"\\"')}`);
      out.push('      """');
    }
  }
  return `${out.join('\n')}\n`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

function stepsFile(_c: WrittenCase, header: ScaffoldHeader, lines: GherkinLine[]): string {
  const out = [...header.lines.flatMap((h) => commentLines(h, '//')), 'import { Given, When, Then } from "@cucumber/cucumber";', ''];
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.text)) continue;
    seen.add(l.text);
    const arg = l.dataTable ? 'dataTable' : l.docString ? 'docString' : '';
    out.push(`${l.define}(/^${escapeRegExp(l.text)}$/, async function (${arg}) {`);
    out.push(`  // TODO: ${l.define === 'Then' ? 'check it' : 'do this step'}.`);
    out.push('});', '');
  }
  return out.join('\n');
}

export function cucumberScaffold(c: WrittenCase, header: ScaffoldHeader): ScaffoldFile[] {
  const slug = slugify(c.id);
  const lines = gherkinLines(c);
  return [
    { path: `features/${slug}.feature`, content: featureFile(c, header, lines) },
    { path: `features/step_definitions/${slug}.steps.mjs`, content: stepsFile(c, header, lines) },
  ];
}
