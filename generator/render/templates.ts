// Handlebars templates turn a page's view into Markdown. Every value in a
// view is Markdown already escaped by the render stage, so templates are
// compiled with `noEscape` and only arrange fragments; a user can override
// any template by putting a file of the same name in their templates folder.
import { readFile, realpath } from 'node:fs/promises';
import { DEFAULT_LIMITS, InputFileError, inputFileReason, readInputText } from '../read/input-file.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { CasebookError } from '../diagnostics/diagnostic.ts';

export const TEMPLATE_NAMES = ['overview', 'features', 'rejected', 'coverage'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, (view: object) => string>;

const DEFAULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export async function loadTemplates(overrideDir?: string): Promise<Templates> {
  const handlebars = Handlebars.create();
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const file = `${name}.md.hbs`;
      let source: string | undefined;
      let from = path.join(DEFAULTS, file);
      if (overrideDir) {
        const candidate = path.resolve(overrideDir, file);
        source = await readTemplateOverride(overrideDir, file);
        if (source !== undefined) from = candidate;
      }
      source ??= await readFile(from, 'utf8');
      try {
        const compiled = handlebars.compile(source, { noEscape: true, strict: false });
        compiled({}); // surfaces syntax errors now, with the file name
        return [name, (view: object) => `${compiled(view).replace(/\n{3,}/g, '\n\n').trim()}\n`] as const;
      } catch (error) {
        throw new CasebookError(`template ${from} cannot be compiled: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(entries) as Templates;
}

/**
 * A user's template `relative` in `overrideDir`, or undefined when there is
 * none. It must be a regular file inside the folder: a link out of it is an
 * error, not a template (it would publish whatever it points at).
 */
export async function readTemplateOverride(overrideDir: string, relative: string): Promise<string | undefined> {
  const folder = await realpath(overrideDir).catch(() => undefined);
  if (!folder) return undefined;
  try {
    return await readInputText(path.join(folder, relative), folder, DEFAULT_LIMITS.textFileBytes);
  } catch (error) {
    if (error instanceof InputFileError && /does not exist/.test(error.message)) return undefined;
    throw new CasebookError(`template ${path.join(overrideDir, relative)} cannot be used: ${inputFileReason(error)}`);
  }
}
