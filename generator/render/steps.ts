// The step tree and fixtures as nested Markdown lists.
import type { BlockContent, ListItem, PhrasingContent } from 'mdast';
import type { Attachment, Fixture, Parameter, Status, Step } from '../model/types.ts';
import { inlineCode, link, list, listItem, oneLine, paragraph, strong, text } from './markdown.ts';
import { formatDuration } from './format.ts';

export const STATUS_ICON: Record<Status, string> = {
  passed: '✅',
  failed: '❌',
  broken: '💥',
  skipped: '⏭️',
  unknown: '❔',
};

export function visibleParameters(parameters: readonly Parameter[]): Parameter[] {
  return parameters.filter((p) => p.mode !== 'hidden');
}

export function attachmentLinks(attachments: readonly Attachment[], base: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const a of attachments) {
    if (out.length) out.push(text(' · '));
    out.push(text('📎 '), link(`${base}${a.href}`, text(oneLine(a.name))));
  }
  return out;
}

function stepItem(step: Step, base: string): ListItem {
  const line: PhrasingContent[] = [text(`${STATUS_ICON[step.status]} `), strong(text(oneLine(step.name)))];
  if (step.durationMs > 0) line.push(text(` — ${formatDuration(step.durationMs)}`));
  const params = visibleParameters(step.parameters);
  if (params.length) {
    line.push(text(' ('));
    params.forEach((p, i) => line.push(...(i ? [text(', ')] : []), inlineCode(`${p.name} = ${p.value}`)));
    line.push(text(')'));
  }
  const children: BlockContent[] = [paragraph(...line)];
  if ((step.status === 'failed' || step.status === 'broken') && step.statusDetails.message && step.steps.length === 0) {
    children.push(paragraph(inlineCode(oneLine(step.statusDetails.message).slice(0, 300))));
  }
  if (step.attachments.length) children.push(paragraph(...attachmentLinks(step.attachments, base)));
  if (step.steps.length) children.push(list(step.steps.map((s) => stepItem(s, base))));
  return listItem(children);
}

export function stepTree(steps: readonly Step[], base: string): BlockContent[] {
  return steps.length ? [list(steps.map((s) => stepItem(s, base)))] : [];
}

export function fixtureList(fixtures: readonly Fixture[], base: string): BlockContent[] {
  if (fixtures.length === 0) return [];
  return [
    list(
      fixtures.map((f) => {
        const line: PhrasingContent[] = [text(`${STATUS_ICON[f.status]} `), strong(text(oneLine(f.name)))];
        if (f.durationMs > 0) line.push(text(` — ${formatDuration(f.durationMs)}`));
        const children: BlockContent[] = [paragraph(...line)];
        if ((f.status === 'failed' || f.status === 'broken') && f.statusDetails.message) {
          children.push(paragraph(inlineCode(oneLine(f.statusDetails.message).slice(0, 300))));
        }
        if (f.attachments.length) children.push(paragraph(...attachmentLinks(f.attachments, base)));
        if (f.steps.length) children.push(list(f.steps.map((s) => stepItem(s, base))));
        return listItem(children);
      }),
    ),
  ];
}
