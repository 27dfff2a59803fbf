// Gherkin `.feature` files, parsed with the official parser (@cucumber/gherkin).
// Each Scenario is a case, and each Examples row of a Scenario Outline is one;
// Background steps are preconditions, a Rule is the story, tags carry the id
// (`@allure.id:…`, `@id:…`, `@TC-…`) and labels (`@epic:…`, `@allure.label.owner:…`).
import path from 'node:path';
import { AstBuilder, GherkinClassicTokenMatcher, Parser } from '@cucumber/gherkin';
import type { Background, Examples, Feature, Scenario, Step, Tag } from '@cucumber/messages';
import { IdGenerator } from '@cucumber/messages';
import type { BlockContent } from 'mdast';
import type { CaseStatus, CaseStep, WrittenCase } from '../../model/cases.ts';
import { code, list, listItem, oneLine, paragraph, stringify, strong, table, text } from '../../markdown/fragments.ts';
import type { CaseSource } from './fields.ts';
import type { CaseReader } from './case-file.ts';

const LABELS = new Set(['epic', 'feature', 'story', 'owner', 'severity', 'layer']);
/** `@TC-123`, `@QA-7`: a key and a number, as trackers write case ids. */
const TRACKER_ID = /^[A-Za-z][A-Za-z0-9]*-\d+$/;

interface TagMeta {
  /** Id found in the tags, by priority: allure.id, id, tracker style. */
  id: string;
  labels: Record<string, string>;
  tags: string[];
  requirements: string[];
  manual: boolean;
  status?: CaseStatus;
}

/** A tag holds no spaces: in epic, feature and story names `_` stands for one (`@epic:Checkout_&_payments`). */
function labelValue(name: string, value: string): string {
  return name === 'epic' || name === 'feature' || name === 'story' ? value.replace(/_/g, ' ') : value;
}

function readTags(tags: readonly Tag[], withId: boolean): TagMeta {
  const meta: TagMeta = { id: '', labels: {}, tags: [], requirements: [], manual: false };
  let idRank = 9;
  const setId = (value: string, rank: number) => {
    if (withId && value && rank < idRank) {
      meta.id = value;
      idRank = rank;
    }
  };
  for (const tag of tags) {
    const name = tag.name.replace(/^@/, '');
    const kv = /^([A-Za-z][\w.-]*?)[:=](.+)$/.exec(name);
    const key = kv?.[1]?.toLowerCase() ?? '';
    const value = kv?.[2]?.trim() ?? '';
    if (key === 'allure.id' || key === 'as_id') setId(value, 0);
    else if (key === 'id') setId(value, 1);
    else if (key.startsWith('allure.label.') && LABELS.has(key.slice('allure.label.'.length))) meta.labels[key.slice('allure.label.'.length)] = labelValue(key.slice('allure.label.'.length), value);
    else if (LABELS.has(key)) meta.labels[key] = labelValue(key, value);
    else if (key === 'req' || key === 'requirement') meta.requirements.push(value);
    else if (name.toLowerCase() === 'manual') meta.manual = true;
    else if (name.toLowerCase() === 'draft' || name.toLowerCase() === 'deprecated') meta.status = name.toLowerCase() as CaseStatus;
    else if (withId && TRACKER_ID.test(name)) setId(name, 2);
    else meta.tags.push(name);
  }
  return meta;
}

function merge(...metas: TagMeta[]): TagMeta {
  const out: TagMeta = { id: '', labels: {}, tags: [], requirements: [], manual: false };
  for (const m of metas) {
    if (m.id) out.id = m.id;
    Object.assign(out.labels, m.labels);
    out.tags.push(...m.tags);
    out.requirements.push(...m.requirements);
    out.manual ||= m.manual;
    if (m.status) out.status = m.status;
  }
  out.tags = [...new Set(out.tags)];
  out.requirements = [...new Set(out.requirements)];
  return out;
}

const fill = (s: string, values: Record<string, string>) => s.replace(/<([^<>]+)>/g, (all, name: string) => values[name] ?? all);

function stepOf(step: Step, values: Record<string, string>): CaseStep {
  const keyword = step.keyword.trim();
  const line = oneLine(fill(step.text, values));
  const blocks: BlockContent[] = [];
  let dataTable: string[][] | undefined;
  let docString: CaseStep['docString'];
  if (step.dataTable) {
    dataTable = step.dataTable.rows.map((r) => r.cells.map((c) => fill(c.value, values)));
    const [head = [], ...rows] = dataTable;
    blocks.push(table(head, rows.map((r) => r.map((c) => text(c)))) as BlockContent);
  }
  if (step.docString) {
    docString = { content: fill(step.docString.content, values), mediaType: step.docString.mediaType ?? '' };
    blocks.push(code(docString.content, /^[\w+-]+$/.test(docString.mediaType) ? docString.mediaType : 'text'));
  }
  return {
    keyword,
    action: `${keyword} ${line}`,
    expected: '',
    actionMarkdown: stringify([paragraph(strong(text(keyword)), text(` ${line}`))]),
    expectedMarkdown: '',
    details: stringify(blocks),
    ...(dataTable ? { dataTable } : {}),
    ...(docString ? { docString } : {}),
  };
}

function preconditionsOf(steps: readonly CaseStep[]): string {
  if (steps.length === 0) return '';
  // Details are Markdown made by stringify() from mdast: safe to nest as-is.
  return [stringify([list(steps.map((s) => listItem([paragraph(strong(text(s.keyword)), text(` ${s.action.slice(s.keyword.length + 1)}`))])))]), ...steps.map((s) => s.details).filter(Boolean)].join('\n\n');
}

function descriptionOf(...texts: (string | undefined)[]): string {
  const found = texts.map((t) => (t ?? '').split('\n').map((l) => l.trim()).join('\n').trim()).find(Boolean) ?? '';
  return found;
}

export function parseGherkinCases(source: string, src: CaseSource): WrittenCase[] {
  const feature = parseFeature(source, src);
  if (!feature) return [];
  const ctx: FeatureContext = { src, feature, basename: path.basename(src.file), meta: readTags(feature.tags, false) };
  const cases: WrittenCase[] = [];
  const visit = (children: Feature['children'], background: Step[], rule?: RuleContext) => {
    let local = background;
    for (const child of children) {
      if (child.background) local = [...local, ...(child.background as Background).steps];
      if (child.rule) visit(child.rule.children, local, { name: child.rule.name.trim(), meta: readTags(child.rule.tags, false) });
      if (child.scenario) cases.push(...scenarioCases(ctx, child.scenario, local, rule));
    }
  };
  visit(feature.children, []);
  return cases;
}

/** The feature of a .feature file, or undefined (its first syntax errors reported) when it is not valid Gherkin. */
function parseFeature(source: string, src: CaseSource): Feature | undefined {
  try {
    return new Parser(new AstBuilder(IdGenerator.incrementing()), new GherkinClassicTokenMatcher()).parse(source).feature;
  } catch (error) {
    const errors = ((error as { errors?: { message: string; location?: { line?: number } }[] }).errors ?? [error]) as { message: string; location?: { line?: number } }[];
    for (const e of errors.slice(0, 5)) {
      src.report({
        severity: 'error',
        code: 'case/invalid-gherkin',
        message: `not valid Gherkin: ${e.message.replace(/^\(\d+:\d+\):\s*/, '').split('\n')[0]}`,
        file: src.file,
        line: e.location?.line ?? Number(/^\((\d+):/.exec(e.message)?.[1] ?? 1),
        rejected: true,
      });
    }
    return undefined;
  }
}

interface FeatureContext {
  src: CaseSource;
  feature: Feature;
  basename: string;
  /** The feature's own tags. */
  meta: TagMeta;
}

interface RuleContext {
  name: string;
  meta: TagMeta;
}

/** The cases of one scenario: one, or one per Examples row of an Outline. */
function scenarioCases(ctx: FeatureContext, scenario: Scenario, background: Step[], rule?: RuleContext): WrittenCase[] {
  const meta = merge(ctx.meta, rule?.meta ?? readTags([], false), readTags(scenario.tags, true));
  const name = scenario.name.trim();
  const make = (id: string, title: string, line: number, m: TagMeta, values: Record<string, string>, aliases: string[]) =>
    caseOf(ctx, { scenario, background, ...(rule ? { rule } : {}) }, { id, title, line, meta: m, values, aliases });
  const rows = scenario.examples.flatMap((ex: Examples) => (ex.tableHeader ? ex.tableBody.map((row, i) => ({ ex, row, i })) : []));
  if (rows.length === 0) {
    if (!meta.id) {
      reportMissingId(ctx.src, scenario, name);
      return [];
    }
    return [make(meta.id, name, scenario.location.line, meta, {}, [])];
  }
  const out: WrittenCase[] = [];
  rows.forEach(({ ex, row, i }, n) => {
    const header = ex.tableHeader!.cells.map((c) => c.value);
    const values = Object.fromEntries(header.map((h, k) => [h, row.cells[k]?.value ?? '']));
    const exMeta = readTags(ex.tags, true);
    const idColumn = header.find((h) => h.toLowerCase() === 'id');
    const base = exMeta.id || meta.id;
    const id = idColumn && values[idColumn] ? values[idColumn] : base ? `${base}-${exMeta.id ? i + 1 : n + 1}` : '';
    if (!id) {
      if (n === 0) reportMissingId(ctx.src, scenario, name);
      return;
    }
    const filled = fill(name, values);
    const title = filled !== name ? filled : `${name} (${header.map((h) => `${h}: ${values[h]}`).join(', ')})`;
    out.push(make(id, title, row.location.line, merge(meta, exMeta), values, base && base !== id ? [base] : []));
  });
  return out;
}

interface CaseParts {
  id: string;
  title: string;
  line: number;
  meta: TagMeta;
  /** An Examples row's values (empty for a plain scenario). */
  values: Record<string, string>;
  aliases: string[];
}

function caseOf(ctx: FeatureContext, at: { scenario: Scenario; background: Step[]; rule?: RuleContext }, { id, title, line, meta: m, values, aliases }: CaseParts): WrittenCase {
  const { src, feature, basename } = ctx;
  const name = at.scenario.name.trim();
  const bg = at.background.map((s) => stepOf(s, values));
  return {
    id,
    title,
    format: 'gherkin',
    file: src.file,
    repoPath: src.repoPath,
    line,
    epic: m.labels.epic ?? '',
    feature: m.labels.feature ?? feature.name.trim(),
    story: m.labels.story ?? at.rule?.name ?? '',
    owner: m.labels.owner ?? '',
    tags: m.tags,
    severity: m.labels.severity ?? '',
    layer: m.labels.layer ?? '',
    requirements: m.requirements,
    status: m.status ?? 'active',
    description: descriptionOf(at.scenario.description, feature.description),
    preconditions: preconditionsOf(bg),
    background: bg,
    steps: at.scenario.steps.map((s) => stepOf(s, values)),
    automation: m.manual ? [] : [{ fullName: `*${basename}#${name}`, text: `the scenario "${name}" in ${basename}`, implicit: true }],
    automationDeclared: !m.manual,
    aliases,
    parameters: values,
  };
}

function reportMissingId(src: CaseSource, scenario: Scenario, name: string): void {
  src.report({
    severity: 'error',
    code: 'case/missing-id',
    message: `missing id: ${scenario.keyword} "${name}" has no id tag`,
    hint: 'tag it @id:TC-123, @TC-123 or @allure.id:123 (an Outline may also have an `id` column in its Examples)',
    file: src.file,
    line: scenario.location.line,
    rejected: true,
  });
}

export const gherkinCaseReader: CaseReader = {
  name: 'gherkin',
  matches: (file) => /\.feature$/i.test(file),
  parse: parseGherkinCases,
};
