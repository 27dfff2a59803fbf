// A test case written as a YAML file: the front matter fields, plus
// `description`, `preconditions` and `steps: [{ action, expected }]`.
import { toString as textOf } from 'mdast-util-to-string';
import { remark } from 'remark';
import { isMap, isSeq } from 'yaml';
import { z } from 'zod';
import type { CaseStep, WrittenCase } from '../../model/cases.ts';
import { oneLine } from '../../markdown/fragments.ts';
import type { CaseSource, YamlBlock } from './fields.ts';
import { parseYamlBlock, readCaseFields, YAML_ONLY_KEYS } from './fields.ts';
import type { CaseReader } from './case-file.ts';

const text = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const stepSchema = z.union([text, z.strictObject({ action: text, expected: text.optional(), details: text.optional() })]);
const bodySchema = z.object({
  description: text.optional(),
  preconditions: z.union([text, z.array(text)]).optional(),
  steps: z.array(stepSchema).optional(),
});

/** Plain text of a Markdown snippet, on one line. */
function plain(markdown: string): string {
  return oneLine(textOf(remark().parse(markdown)));
}

export function yamlStep(action: string, expected = '', details = ''): CaseStep {
  return {
    keyword: '',
    action: plain(action),
    expected: plain(expected),
    actionMarkdown: action.trim(),
    expectedMarkdown: expected.trim(),
    details: details.trim(),
  };
}

function stepLine(block: YamlBlock, index: number): number {
  const contents = block.doc.contents;
  const steps = isMap(contents) ? contents.get('steps', true) : undefined;
  const item = isSeq(steps) ? (steps.items[index] as { range?: [number, number, number] } | undefined) : undefined;
  return item?.range ? block.lineAt(item.range[0]) : block.lineOf('steps');
}

export function parseYamlCase(source: string, src: CaseSource): WrittenCase[] {
  const block = parseYamlBlock(source, 1, src, 'the file');
  if (!block) return [];
  const fields = readCaseFields(block, src, YAML_ONLY_KEYS);
  if (!fields) return [];
  const body = bodySchema.safeParse(block.data);
  if (!body.success) {
    for (const issue of body.error.issues) {
      const [key, index] = issue.path;
      src.report({
        severity: 'error',
        code: 'case/invalid',
        message: `${issue.path.join('.')}: ${key === 'steps' ? 'expected a step: a string, or { action, expected }' : 'expected a string'}`,
        file: src.file,
        line: key === 'steps' && typeof index === 'number' ? stepLine(block, index) : block.lineOf(String(key)),
        rejected: true,
      });
    }
    return [];
  }
  const { description = '', preconditions = '', steps = [] } = body.data;
  const preconditionText = Array.isArray(preconditions) ? preconditions.map((p) => `- ${p.replace(/\n/g, '\n  ')}`).join('\n') : preconditions;
  return [
    {
      ...fields,
      format: 'yaml',
      file: src.file,
      repoPath: src.repoPath,
      line: 1,
      description: description.trim(),
      preconditions: preconditionText.trim(),
      background: [],
      steps: steps.map((s) => (typeof s === 'string' ? yamlStep(s) : yamlStep(s.action, s.expected, s.details))),
      automationDeclared: fields.automation.length > 0 || fields.automated,
      aliases: [],
      parameters: {},
    },
  ];
}

export const yamlCaseReader: CaseReader = {
  name: 'yaml',
  matches: (file) => /\.ya?ml$/i.test(file),
  parse: parseYamlCase,
};
