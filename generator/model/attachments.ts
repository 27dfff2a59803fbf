import type { Attachment, Result } from './types.ts';

export interface PlacedAttachment {
  /** Where it was attached: 'test', a fixture name, or a step path joined with ' › '. */
  owner: string;
  attachment: Attachment;
}

/** Every attachment of a result: its own, its fixtures' and its steps', at any depth. */
export function attachmentsOf(result: Result): PlacedAttachment[] {
  const out: PlacedAttachment[] = result.attachments.map((a) => ({ owner: 'test', attachment: a }));
  const walk = (steps: Result['steps'], trail: string[]) => {
    for (const step of steps) {
      const here = [...trail, step.name];
      for (const a of step.attachments) out.push({ owner: here.join(' › '), attachment: a });
      walk(step.steps, here);
    }
  };
  for (const f of [...result.setup, ...result.teardown]) {
    for (const a of f.attachments) out.push({ owner: f.name, attachment: a });
    walk(f.steps, [f.name]);
  }
  walk(result.steps, []);
  return out;
}
