// Handlebars templates turn a page's view into Markdown. Every value in a
// view is Markdown already escaped by the render stage, so templates are
// compiled with `noEscape` and only arrange fragments; a user can override
// any template by putting a file of the same name in their templates folder.
import { readFile } from 'node:fs/promises';
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
        source = await readFile(candidate, 'utf8').catch(() => undefined);
        if (source !== undefined) from = candidate;
      }
      source ??= await readFile(from, 'utf8');
      try {
        const compiled = handlebars.compile(source, { noEscape: true, strict: false });
        compiled({}); // surfaces syntax errors now, with the file name
        return [name, (view: object) => compiled(view).replace(/\n{3,}/g, '\n\n').trim() + '\n'] as const;
      } catch (error) {
        throw new CasebookError(`template ${from} cannot be compiled: ${(error as Error).message}`);
      }
    }),
  );
  return Object.fromEntries(entries) as Templates;
}
