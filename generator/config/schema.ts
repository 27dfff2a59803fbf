// The one config schema: the config file and the CLI flags both land here.
import { z } from 'zod';
import { DEFAULT_CONTENT, DEFAULT_OUT } from './defaults.ts';
import { DEFAULT_LIMITS } from './limits.ts';

const linkPattern = z
  .string()
  .regex(/^https?:\/\/.*\{\}/, 'a http(s) URL containing {} where the link name goes, e.g. "https://github.com/acme/app/issues/{}"');

export const configSchema = z.strictObject({
  /**
   * The site's title.
   * @default "Test documentation"
   */
  title: z.string().min(1).default('Test documentation'),
  /** Allure results folders (one per CI shard); they merge into one run. */
  results: z.array(z.string().min(1)).min(1, 'at least one results folder'),
  /**
   * Folders of written test cases (Markdown, YAML, Gherkin).
   * @default []
   */
  cases: z.array(z.string().min(1)).default([]),
  /**
   * Folders of known-defect files (Markdown with front matter).
   * @default []
   */
  defects: z.array(z.string().min(1)).default([]),
  /**
   * Where the static site is written.
   * @default "casebook-site"
   */
  out: z.string().min(1).default(DEFAULT_OUT),
  /**
   * Where the generated Markdown content is written (a working folder the generator owns).
   * @default ".casebook/content"
   */
  content: z.string().min(1).default(DEFAULT_CONTENT),
  /**
   * Where the site will be served: a full URL (https://example.org/docs/) or a path (/docs/).
   * @default "/"
   */
  baseUrl: z
    .string()
    .regex(/^(https?:\/\/[^\s]+|\/[^\s]*)$/, 'a http(s) URL or a path starting with "/"')
    .default('/'),
  /**
   * A folder whose templates replace the default ones of the same name: `test.html.hbs`,
   * `case.html.hbs`, `feature.html.hbs`, `partials/*.html.hbs` (HTML, every value escaped)
   * and `overview/features/rejected/coverage.md.hbs` (Markdown).
   */
  templates: z.string().min(1).optional(),
  /**
   * URL patterns for links that carry only a name, by link type.
   * @default {}
   */
  links: z.record(z.string(), linkPattern).default({}),
  /**
   * A file of requirements (YAML or CSV with id, title, url), so requirements no case covers show up too.
   */
  requirements: z.string().min(1).optional(),
  /**
   * "Edit this case" links: a URL with `{path}` where the case file's path in its repository goes,
   * e.g. "https://github.com/acme/shop/edit/main/{path}".
   */
  editUrl: z
    .string()
    .regex(/^https?:\/\/.*\{path\}/, 'a http(s) URL containing {path} where the case file goes, e.g. "https://github.com/acme/shop/edit/main/{path}"')
    .optional(),
  /**
   * The history of earlier runs: the previous site's folder (or its history/ folder) or the
   * https:// URL of the published site. Each build writes the history, this run added, into
   * the site's history/.
   */
  history: z.string().min(1).optional(),
  /** Runs the history keeps (this one included). @default 50 */
  historyLimit: z.number().int().min(1).max(1000).default(50),
  /** false: compare with the history but publish it without this run (a pull request's build). @default true */
  historyAppend: z.boolean().default(true),
  /**
   * Size caps, in bytes, per kind of input file; a larger file is left out with a diagnostic.
   * @default { resultFileBytes: 268435456 (256 MiB), attachmentBytes: 104857600 (100 MiB), textFileBytes: 16777216 (16 MiB) }
   */
  limits: z
    .strictObject({
      /** A `*-result.json`, `*-container.json` or other file of test results. */
      resultFileBytes: z.number().int().positive().default(DEFAULT_LIMITS.resultFileBytes),
      /** One attachment. */
      attachmentBytes: z.number().int().positive().default(DEFAULT_LIMITS.attachmentBytes),
      /** A case, defect, requirements, template, categories, environment or executor file. */
      textFileBytes: z.number().int().positive().default(DEFAULT_LIMITS.textFileBytes),
    })
    .prefault({}),
});

export type CasebookConfig = z.output<typeof configSchema>;
export type CasebookConfigInput = z.input<typeof configSchema>;

/** Identity helper for typed `casebook.config.mjs` files. */
export function defineConfig(config: CasebookConfigInput): CasebookConfigInput {
  return config;
}

/** `https://example.org/docs` → site + '/docs/'; `/docs` → '/docs/'. */
export function splitBaseUrl(baseUrl: string): { site?: string; base: string } {
  if (/^https?:\/\//.test(baseUrl)) {
    const url = new URL(baseUrl);
    return { site: url.origin, base: url.pathname.replace(/\/?$/, '/') };
  }
  return { base: baseUrl.replace(/\/?$/, '/') };
}
