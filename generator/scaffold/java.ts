// Scaffold for JUnit 5 with allure-junit5: annotations for the id and labels,
// one `Allure.step(...)` per written step.
import type { WrittenCase } from '../model/cases.ts';
import { allSteps, camelCase, caseLabels, commentBlock, commentLines, preconditionNotes, quote, stepName, stepNotes } from './source-text.ts';
import type { ScaffoldFile, ScaffoldHeader } from './types.ts';

const ANNOTATIONS: Record<string, string> = { epic: 'Epic', feature: 'Feature', story: 'Story', owner: 'Owner' };

export function junit5Scaffold(c: WrittenCase, header: ScaffoldHeader): ScaffoldFile[] {
  const className = `${camelCase(c.title, true)}Test`;
  const used = new Set(['AllureId', 'Allure']);
  const annotations: string[] = [];
  const labels = caseLabels(c);
  for (const l of labels.filter((x) => x.name !== 'tag')) {
    const a = ANNOTATIONS[l.name];
    if (a) used.add(a);
    else used.add('Label');
    annotations.push(a ? `@${a}(${quote(l.value)})` : `@Label(name = ${quote(l.name)}, value = ${quote(l.value)})`);
  }
  const java = { java: true };
  const body: string[] = [];
  for (const l of labels.filter((x) => x.name === 'tag')) body.push(`        Allure.label("tag", ${quote(l.value)});`);
  for (const [n, v] of Object.entries(c.parameters)) body.push(`        Allure.parameter(${quote(n)}, ${quote(v)});`);
  body.push(...commentBlock(preconditionNotes(c), '        //', java));
  allSteps(c).forEach((step, i) => {
    body.push(`        Allure.step(${quote(stepName(step, i))}, () -> {`);
    body.push('            // TODO: do this step.');
    body.push(...commentBlock(stepNotes(step), '            //', java));
    body.push('        });');
  });
  const imports = [...[...used].sort().map((a) => `import io.qameta.allure.${a};`), 'import org.junit.jupiter.api.DisplayName;', 'import org.junit.jupiter.api.Test;'];
  const lines = [
    ...header.lines.flatMap((h) => commentLines(h, '//', java)),
    ...imports,
    '',
    `class ${className} {`,
    '',
    '    @Test',
    `    @AllureId(${quote(c.id)})`,
    `    @DisplayName(${quote(c.title)})`,
    ...annotations.map((a) => `    ${a}`),
    `    void ${camelCase(c.title)}() {`,
    ...body,
    '    }',
    '}',
    '',
  ];
  return [{ path: `${className}.java`, content: lines.join('\n') }];
}
