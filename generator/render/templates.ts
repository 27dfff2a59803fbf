// The one template loader: where a page template comes from (the user's
// templates folder, else Casebook's) and how it is compiled, for the HTML page
// templates (html-templates.ts) and the Markdown ones (below).
import { readdir, readFile, realpath } from 'node:fs/promises';
import { DEFAULT_LIMITS, InputFileError, inputFileReason, readInputText } from '../read/input-file.ts';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
import { CasebookError } from '../diagnostics/diagnostic.ts';

export const TEMPLATE_NAMES = ['overview', 'features', 'coverage'] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, (view: object) => string>;

/** Casebook's own templates; a user's templates folder holds copies of the ones they change, by the same names. */
const DEFAULTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

export interface TemplateSource {
  source: string;
  /** The file it came from, for errors. */
  from: string;
}

/** The template `file` (in `subdir` of the templates): the user's copy in `overrideDir` when there is one, else Casebook's. */
export async function templateSource(file: string, overrideDir: string | undefined, subdir = ''): Promise<TemplateSource> {
  if (overrideDir) {
    const source = await readTemplateOverride(overrideDir, path.join(subdir, file));
    if (source !== undefined) return { source, from: path.resolve(overrideDir, subdir, file) };
  }
  const from = path.join(DEFAULTS, subdir, file);
  return { source: await readFile(from, 'utf8'), from };
}

/** Casebook's own template files in `subdir` ending with `suffix` (the partials). */
export async function defaultTemplateFiles(subdir: string, suffix: string): Promise<string[]> {
  return (await readdir(path.join(DEFAULTS, subdir))).filter((f) => f.endsWith(suffix)).sort();
}

/** Compiles a template now, so a broken one (its syntax, a missing partial) is reported with its file before any page is rendered. */
export function compileTemplate(hb: typeof Handlebars, { source, from }: TemplateSource, options: CompileOptions): HandlebarsTemplateDelegate {
  try {
    const compiled = hb.compile(source, { strict: false, ...options });
    compiled({});
    return compiled;
  } catch (error) {
    throw new CasebookError(`template ${from} cannot be compiled: ${(error as Error).message}`);
  }
}

/**
 * The Markdown page templates (overview, features, coverage). Each
 * value in their views is a section of the page already built as escaped
 * Markdown (render/run-pages.ts), so they are compiled with `noEscape`, and an
 * override arranges the sections (order, drop, text around them), not what is
 * inside one; the site's Astro pages draw the rest from the page data.
 */
export async function loadTemplates(overrideDir?: string): Promise<Templates> {
  const hb = Handlebars.create();
  const entries = await Promise.all(
    TEMPLATE_NAMES.map(async (name) => {
      const compiled = compileTemplate(hb, await templateSource(`${name}.md.hbs`, overrideDir), { noEscape: true });
      return [name, (view: object) => `${compiled(view).replace(/\n{3,}/g, '\n\n').trim()}\n`] as const;
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
