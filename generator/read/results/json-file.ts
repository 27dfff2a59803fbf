import path from 'node:path';
import type { ShardContext } from '../reader.ts';
import { displayPath } from '../reader.ts';

/** Reads and parses a JSON file (a small metadata file when `small`); a bad file becomes a rejection diagnostic and `undefined`. */
export async function readJsonFile(file: string, ctx: ShardContext, code: string, small = false): Promise<unknown> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await (small ? ctx.readSmallText(file) : ctx.readText(file));
  } catch (error) {
    ctx.diagnostics.report({
      severity: 'error',
      code: `${code}/unreadable`,
      message: `cannot read file: ${(error as Error).message}`,
      file: displayPath(ctx, name),
      rejected: true,
    });
    return undefined;
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const truncated = text.trim().length === 0 ? 'the file is empty' : (error as Error).message;
    ctx.diagnostics.report({
      severity: 'error',
      code: `${code}/invalid-json`,
      message: `not valid JSON (${truncated})`,
      file: displayPath(ctx, name),
      hint: 'the adapter may have been killed while writing it; the rest of the run was read',
      rejected: true,
    });
    return undefined;
  }
}
