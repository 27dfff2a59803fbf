// The step tree and fixtures as views for the HTML templates (partials/steps.html.hbs).
import type { Attachment, Fixture, Parameter, Status, Step } from '../model/types.ts';
import { oneLine } from '../markdown/fragments.ts';
import { formatDuration } from '../contract/view/format.ts';

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

export interface AttachmentLinkView {
  name: string;
  url: string;
}

export interface StepView {
  status: Status;
  icon: string;
  name: string;
  /** '' when the step took no measurable time. */
  duration: string;
  parameters: string[];
  /** The failure message of a failing leaf step. */
  message: string;
  attachments: AttachmentLinkView[];
  steps: StepView[];
}

export function attachmentLinks(attachments: readonly Attachment[], base: string): AttachmentLinkView[] {
  return attachments.map((a) => ({ name: oneLine(a.name), url: `${base}${a.href}` }));
}

function failing(status: Status): boolean {
  return status === 'failed' || status === 'broken';
}

function stepView(step: Step | Fixture, base: string, leafOnlyMessage: boolean): StepView {
  const showMessage = failing(step.status) && step.statusDetails.message !== '' && (!leafOnlyMessage || step.steps.length === 0);
  return {
    status: step.status,
    icon: STATUS_ICON[step.status],
    name: oneLine(step.name),
    duration: step.durationMs > 0 ? formatDuration(step.durationMs) : '',
    parameters: 'parameters' in step ? visibleParameters(step.parameters).map((p) => `${p.name} = ${oneLine(p.value)}`) : [],
    message: showMessage ? oneLine(step.statusDetails.message).slice(0, 300) : '',
    attachments: attachmentLinks(step.attachments, base),
    steps: step.steps.map((s) => stepView(s, base, true)),
  };
}

export function stepTree(steps: readonly Step[], base: string): StepView[] {
  return steps.map((s) => stepView(s, base, true));
}

export function fixtureList(fixtures: readonly Fixture[], base: string): StepView[] {
  return fixtures.map((f) => stepView(f, base, false));
}
