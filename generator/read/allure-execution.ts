// The parts shared by results, steps and fixtures: status, details,
// parameters, attachments and nested steps.
import path from 'node:path';
import type { Attachment, Parameter, Status, StatusDetails, Step } from '../model/types.ts';
import { STATUSES } from '../model/types.ts';
import { readAttachment } from './attachment.ts';
import type { RawObject } from './raw.ts';
import { bool, isObject, num, objects, str } from './raw.ts';
import type { ShardContext } from './reader.ts';
import { displayPath } from './reader.ts';

export const MASK = '******';

export function readStatus(value: unknown): Status {
  return (STATUSES as readonly string[]).includes(value as string) ? (value as Status) : 'unknown';
}

export function readStatusDetails(value: unknown): StatusDetails {
  const raw = isObject(value) ? value : {};
  const details: StatusDetails = {
    message: str(raw.message),
    trace: str(raw.trace),
    known: bool(raw.known),
    muted: bool(raw.muted),
    flaky: bool(raw.flaky),
  };
  if (raw.actual !== undefined) details.actual = str(raw.actual);
  if (raw.expected !== undefined) details.expected = str(raw.expected);
  return details;
}

/** Parameters with their real values (for the identity) and their shown values. */
export function readParameters(value: unknown): { shown: Parameter[]; identity: { name: string; value: string; excluded: boolean }[] } {
  const shown: Parameter[] = [];
  const identity: { name: string; value: string; excluded: boolean }[] = [];
  for (const raw of objects(value)) {
    const name = str(raw.name);
    const real = str(raw.value);
    const mode = raw.mode === 'masked' || raw.mode === 'hidden' ? raw.mode : 'default';
    const excluded = bool(raw.excluded);
    identity.push({ name, value: real, excluded });
    // A hidden parameter's value never leaves the reader.
    shown.push({ name, value: mode === 'default' ? real : MASK, excluded, mode });
  }
  return { shown, identity };
}

export async function readAttachments(value: unknown, ctx: ShardContext, file: string, owner: string): Promise<Attachment[]> {
  const attachments: Attachment[] = [];
  for (const raw of objects(value)) {
    const outcome = await readAttachment(raw, ctx);
    if (outcome.ok) attachments.push(outcome.attachment);
    else {
      ctx.diagnostics.report({
        severity: 'error',
        code: 'attachment/rejected',
        message: `${owner}: ${outcome.reason}`,
        file: displayPath(ctx, path.basename(file)),
        rejected: true,
      });
    }
  }
  return attachments;
}

function duration(raw: RawObject): { start: number; stop: number; durationMs: number } {
  const start = num(raw.start);
  const stop = num(raw.stop, start);
  return { start, stop, durationMs: Math.max(0, stop - start) };
}

/**
 * allure-js writes each attachment made inside a test as a step of its own: no
 * status, no sub-steps, one attachment named like the step. Those are lifted
 * into `lifted` (the parent's attachments), as Allure's own report shows them.
 */
function isAttachmentStep(raw: RawObject): boolean {
  const attachments = objects(raw.attachments);
  return raw.status === undefined && objects(raw.steps).length === 0 && attachments.length === 1 && str(attachments[0]?.name) === str(raw.name);
}

export async function readSteps(value: unknown, ctx: ShardContext, file: string, owner: string, lifted: Attachment[] = []): Promise<Step[]> {
  const steps: Step[] = [];
  for (const raw of objects(value)) {
    const name = str(raw.name) || '(unnamed step)';
    if (isAttachmentStep(raw)) {
      lifted.push(...(await readAttachments(raw.attachments, ctx, file, owner)));
      continue;
    }
    const attachments = await readAttachments(raw.attachments, ctx, file, `${owner} › ${name}`);
    const children = await readSteps(raw.steps, ctx, file, `${owner} › ${name}`, attachments);
    steps.push({
      name,
      status: readStatus(raw.status),
      statusDetails: readStatusDetails(raw.statusDetails),
      ...duration(raw),
      parameters: readParameters(raw.parameters).shown,
      attachments,
      steps: children,
    });
  }
  return steps;
}

export { duration as readTimes };
