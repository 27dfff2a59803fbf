// Scaffold for pytest with allure-pytest: decorators for the labels, one
// `with allure.step(...)` block per written step.
import type { WrittenCase } from '../model/cases.ts';
import { allSteps, caseLabels, commentBlock, commentLines, preconditionNotes, quote, snakeCase, stepName, stepNotes } from './source-text.ts';
import type { ScaffoldFile, ScaffoldHeader } from './types.ts';

const DECORATORS: Record<string, string> = { epic: 'epic', feature: 'feature', story: 'story', tag: 'tag' };

export function pytestScaffold(c: WrittenCase, header: ScaffoldHeader): ScaffoldFile[] {
  const name = snakeCase(c.id);
  const lines = [...header.lines.flatMap((h) => commentLines(h, '#')), 'import allure', '', ''];
  lines.push(`@allure.id(${quote(c.id)})`, `@allure.title(${quote(c.title)})`);
  for (const l of caseLabels(c)) {
    const d = DECORATORS[l.name];
    lines.push(d ? `@allure.${d}(${quote(l.value)})` : `@allure.label(${quote(l.name)}, ${quote(l.value)})`);
  }
  lines.push(`def test_${snakeCase(c.title)}():`);
  for (const [n, v] of Object.entries(c.parameters)) lines.push(`    allure.dynamic.parameter(${quote(n)}, ${quote(v)})`);
  lines.push(...commentBlock(preconditionNotes(c), '    #'));
  const steps = allSteps(c);
  steps.forEach((step, i) => {
    lines.push(`    with allure.step(${quote(stepName(step, i))}):`);
    lines.push('        # TODO: do this step.');
    lines.push(...commentBlock(stepNotes(step), '        #'));
    lines.push('        pass');
  });
  if (steps.length === 0) lines.push('    pass  # TODO: no steps are written for this case.');
  return [{ path: `test_${name}.py`, content: `${lines.join('\n')}\n` }];
}
