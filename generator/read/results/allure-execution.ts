// The parts shared by results, steps and fixtures: status, details,
// parameters, attachments and nested steps.
import path from 'node:path';
import type { Attachment, Parameter, Status, StatusDetails, Step } from '../../model/types.ts';
import { STATUSES } from '../../model/types.ts';
import { readAttachment } from './attachment.ts';
import type { RawObject } from '../raw.ts';
import { bool, isObject, num, objects, str } from '../raw.ts';
import type { ShardContext } from '../reader.ts';
import { displayPath } from '../reader.ts';

export const MASK = '******';

export function readStatus(value: unknown): Status {
  return (STATUSES as readonly string[]).includes(value as string) ? (value as Status) : 'unknown';
}

/**
 * Most steps pass, without details, parameters, attachments or sub-steps: they
 * share one empty details object and one empty list instead of each holding
 * its own. Frozen, so code that would change one (and so all) throws instead.
 */
const NO_DETAILS: StatusDetails = Object.freeze({ message: '', trace: '', known: false, muted: false, flaky: false });
const NONE: never[] = Object.freeze([]) as unknown as never[];
const listOrNone = <T>(list: T[]): T[] => (list.length ? list : NONE);

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
  const empty = !details.message && !details.trace && !details.known && !details.muted && !details.flaky && raw.actual === undefined && raw.expected === undefined;
  return empty ? NO_DETAILS : details;
}

/** Parameters with their real values (for the identity) and their shown values. */
export function readParameters(
  value: unknown,
  intern: (text: string) => string = (text) => text,
): { shown: Parameter[]; identity: { name: string; value: string; excluded: boolean }[] } {
  const shown: Parameter[] = [];
  const identity: { name: string; value: string; excluded: boolean }[] = [];
  for (const raw of objects(value)) {
    const name = intern(str(raw.name));
    const real = intern(str(raw.value));
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

/**
 * Steps nest at most this deep in the model; deeper steps are kept, one level
 * up, after the step they belong to (with a warning). Every later walk over
 * the tree (attachments, views, templates) recurses, so the cap keeps them all
 * far from the stack's end.
 */
export const MAX_STEP_DEPTH = 64;

interface StepFrame {
  raws: RawObject[];
  next: number;
  /** Where this frame's steps go: its parent step's list, or the flattened level's. */
  into: Step[];
  owner: string;
  lifted: Attachment[];
  depth: number;
}

/** The step tree, read without recursion (a file may nest steps thousands deep). */
export async function readSteps(value: unknown, ctx: ShardContext, file: string, owner: string, lifted: Attachment[] = []): Promise<Step[]> {
  const top: Step[] = [];
  const stack: StepFrame[] = [{ raws: objects(value), next: 0, into: top, owner, lifted, depth: 1 }];
  // Lists filled after their step was made; emptied ones become the shared NONE at the end.
  const filled: { step: Step; steps: Step[] }[] = [];
  let flattened = false;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const raw = frame.raws[frame.next++];
    if (raw === undefined) {
      stack.pop();
      continue;
    }
    const name = ctx.intern(str(raw.name) || '(unnamed step)');
    if (isAttachmentStep(raw)) {
      frame.lifted.push(...(await readAttachments(raw.attachments, ctx, file, frame.owner)));
      continue;
    }
    const here = `${frame.owner} › ${name}`;
    const attachments = await readAttachments(raw.attachments, ctx, file, here);
    const steps: Step[] = [];
    const step: Step = {
      name,
      status: readStatus(raw.status),
      statusDetails: readStatusDetails(raw.statusDetails),
      ...duration(raw),
      parameters: listOrNone(readParameters(raw.parameters, ctx.intern).shown),
      // Filled further by the children's attachment steps, below.
      attachments,
      steps: NONE,
    };
    frame.into.push(step);
    const children = objects(raw.steps);
    if (children.length === 0) {
      // A leaf (most steps): nothing below it to wait for.
      step.attachments = listOrNone(attachments);
      continue;
    }
    filled.push({ step, steps });
    const deep = frame.depth >= MAX_STEP_DEPTH;
    if (deep && children.length > 0) flattened = true;
    // Children's lifted attachments belong to this step; at the cap they go to this level's list.
    stack.push({ raws: children, next: 0, into: deep ? frame.into : steps, owner: here, lifted: attachments, depth: deep ? frame.depth : frame.depth + 1 });
  }
  for (const { step, steps } of filled) {
    step.steps = listOrNone(steps);
    step.attachments = listOrNone(step.attachments);
  }
  if (flattened) {
    ctx.diagnostics.report({
      severity: 'warning',
      code: 'result/steps-too-deep',
      message: `${owner}: steps nest more than ${MAX_STEP_DEPTH} levels deep; the deeper ones are shown at level ${MAX_STEP_DEPTH}, after the step they belong to`,
      file: displayPath(ctx, path.basename(file)),
      rejected: false,
    });
  }
  return top;
}

export { duration as readTimes };
