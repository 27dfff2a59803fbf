// A test case written in Markdown: YAML front matter for the fields, and a body
// parsed with remark into description, `## Preconditions` and `## Steps`.
// A step is a list item; an `Expected:` paragraph or nested item is its expected result.
import type { BlockContent, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { CaseStep, WrittenCase } from '../../model/cases.ts';
import { oneLine, stringify } from '../../markdown/fragments.ts';
import type { CaseSource } from './fields.ts';
import { parseYamlBlock, readCaseFields } from './fields.ts';
import type { CaseReader } from './case-file.ts';

const gfmParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const plainParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

// GFM's syntax extensions cost ~40% of a parse, and most case files use none.
// Each needs one of these: a table `|`, strikethrough `~`, a task list or
// footnote `[`, an autolink `www.`, `://` or an e-mail's `@`. Without any of
// them both parsers build the same tree (a test checks it on every fixture).
const GFM_SYNTAX = /[|~[@]|www\.|:\/\//i;

/** Whether the Markdown after the front matter (YAML, which GFM never reads) may hold GFM syntax. */
function needsGfm(text: string): boolean {
  const end = text.startsWith('---\n') ? text.indexOf('\n---', 3) : -1;
  return GFM_SYNTAX.test(end < 0 ? text : text.slice(end + 4));
}

export function parseCaseMarkdown(text: string): Root {
  return (needsGfm(text) ? gfmParser : plainParser).parse(text) as Root;
}

/** Both parsers, for the test that they agree where the fast one is used. */
export const caseParsers = { gfm: gfmParser, plain: plainParser, needsGfm };

const PRECONDITIONS = new Set(['preconditions', 'precondition', 'prerequisites', 'pre-conditions', 'setup', 'set-up']);
const STEPS = new Set(['steps', 'test steps']);
const EXPECTED = /^\s*(expected(\s+results?)?|then)\s*[:：]\s*/i;

function sectionName(heading: Heading): string {
  return textOf(heading).trim().replace(/[:：]\s*$/, '').toLowerCase();
}

/** Markdown for a list of blocks (the page renders it with any raw HTML shown as text). */
function markdownOf(nodes: RootContent[]): string {
  return nodes.length ? stringify(nodes) : '';
}

/** Strips an `Expected:` / `**Expected:**` marker from the start of a paragraph; false when it has none. */
function stripExpected(p: Paragraph): boolean {
  const [first, second] = p.children;
  if (!first) return false;
  if ((first.type === 'strong' || first.type === 'emphasis') && /^\s*(expected(\s+results?)?|then)\s*[:：]?\s*$/i.test(textOf(first))) {
    p.children.shift();
    if (second && second.type === 'text') second.value = second.value.replace(/^\s*[:：]?\s*/, '');
    if (second && second.type === 'text' && second.value === '') p.children.shift();
    return true;
  }
  if (first.type === 'text' && EXPECTED.test(first.value)) {
    first.value = first.value.replace(EXPECTED, '');
    if (first.value === '') p.children.shift();
    return true;
  }
  return false;
}

function stepOf(item: ListItem): CaseStep {
  const blocks = [...item.children] as BlockContent[];
  let action: PhrasingContent[] = [];
  if (blocks[0]?.type === 'paragraph') {
    const p = blocks[0];
    // "1. Expected: …" alone is not an action.
    if (!stripExpected({ ...p, children: [...p.children.map((c) => ({ ...c }))] } as Paragraph)) {
      action = p.children;
      blocks.shift();
    }
  }
  const details: RootContent[] = [];
  const expected: RootContent[] = [];
  let inExpected = false;
  for (const block of blocks) {
    if (inExpected) {
      expected.push(block);
      continue;
    }
    if (block.type === 'paragraph' && stripExpected(block)) {
      inExpected = true;
      if (block.children.length) expected.push(block);
      continue;
    }
    if (block.type === 'list') {
      const kept: ListItem[] = [];
      for (const sub of block.children) {
        const head = sub.children[0];
        if (head?.type === 'paragraph' && stripExpected(head)) {
          if (!head.children.length) sub.children.shift();
          expected.push(...(sub.children as RootContent[]));
        } else kept.push(sub);
      }
      if (kept.length) details.push({ ...block, children: kept } as List);
      continue;
    }
    details.push(block);
  }
  const actionPara: Paragraph = { type: 'paragraph', children: action };
  return {
    keyword: '',
    action: oneLine(textOf(actionPara)),
    expected: oneLine(expected.map((n) => textOf(n)).join(' ')),
    actionMarkdown: action.length ? markdownOf([actionPara]) : '',
    expectedMarkdown: markdownOf(expected),
    details: markdownOf(details),
  };
}

function stepsOf(section: RootContent[]): CaseStep[] {
  const steps: CaseStep[] = [];
  const pending: RootContent[] = [];
  for (const node of section) {
    if (node.type === 'list') {
      for (const item of node.children) steps.push(stepOf(item));
    } else if (steps.length > 0) {
      // A table or code block written between items belongs to the step above it.
      const last = steps[steps.length - 1] as CaseStep;
      last.details = [last.details, markdownOf([node])].filter(Boolean).join('\n\n');
    } else pending.push(node);
  }
  if (steps.length === 0 && pending.length) {
    // Steps written as paragraphs: one step each.
    for (const node of pending) steps.push(stepOf({ type: 'listItem', children: [node as BlockContent] }));
  }
  return steps;
}

export function parseMarkdownCase(text: string, src: CaseSource): WrittenCase[] {
  const tree = parseCaseMarkdown(text);
  const front = tree.children[0];
  if (front?.type !== 'yaml') {
    src.report({
      severity: 'error',
      code: 'case/no-front-matter',
      message: 'a Markdown case starts with YAML front matter between --- lines (id, title, …)',
      file: src.file,
      line: 1,
      rejected: true,
    });
    return [];
  }
  const startLine = (front.position?.start.line ?? 1) + 1;
  const block = parseYamlBlock(front.value, startLine, src, 'the front matter');
  if (!block) return [];
  let body = tree.children.slice(1);
  // A leading `# Heading` is the title when the front matter has none.
  const h1 = body[0]?.type === 'heading' && body[0].depth === 1 ? body[0] : undefined;
  if (h1) body = body.slice(1);
  const data = block.data as Record<string, unknown> | null;
  if (h1 && data && typeof data === 'object' && !data.title) block.doc.set('title', textOf(h1).trim());
  const fields = readCaseFields(block, src);
  if (!fields) return [];

  const description: RootContent[] = [];
  const preconditions: RootContent[] = [];
  const stepNodes: RootContent[] = [];
  let target = description;
  for (const node of body) {
    if (node.type === 'heading' && node.depth === 2) {
      const name = sectionName(node);
      target = PRECONDITIONS.has(name) ? preconditions : STEPS.has(name) ? stepNodes : description;
      // Any other section stays in the description, under its own heading.
      if (target === description && name !== 'description') description.push(node);
      continue;
    }
    target.push(node);
  }
  return [
    {
      ...fields,
      format: 'markdown',
      file: src.file,
      repoPath: src.repoPath,
      line: 1,
      description: markdownOf(description),
      preconditions: markdownOf(preconditions),
      background: [],
      steps: stepsOf(stepNodes),
      automationDeclared: fields.automation.length > 0 || fields.automated,
      aliases: [],
      parameters: {},
    },
  ];
}

export const markdownCaseReader: CaseReader = {
  name: 'markdown',
  matches: (file) => /\.(md|markdown)$/i.test(file) && !/(^|\/)readme\.md$/i.test(file),
  parse: parseMarkdownCase,
};
