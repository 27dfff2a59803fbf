// Loads casebook.config.{mjs,json}, merges CLI flags over it and validates
// the result, with errors that name the file, the key and what was expected.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import type { CasebookConfig } from './schema.ts';
import { DEFAULT_CONTENT } from './defaults.ts';
import { configSchema } from './schema.ts';

export const CONFIG_FILES = ['casebook.config.mjs', 'casebook.config.js', 'casebook.config.json'];

export function formatIssues(error: z.ZodError, source: string): string {
  const lines = error.issues.map((issue) => {
    const key = issue.path.length ? issue.path.join('.') : '(root)';
    let expected = issue.message;
    if (issue.code === 'invalid_type') {
      expected = /received undefined/.test(issue.message) ? `required (${issue.expected})` : `expected ${issue.expected}`;
    }
    if (issue.code === 'unrecognized_keys') return `  ${issue.keys.join(', ')}: unknown option${issue.keys.length > 1 ? 's' : ''} (known: ${Object.keys(configSchema.shape).join(', ')})`;
    return `  ${key}: ${expected}`;
  });
  return `invalid configuration in ${source}:\n${lines.join('\n')}`;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

async function readConfigFile(file: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    const text = await readFile(file, 'utf8').catch((error: Error) => {
      throw new CasebookError(`cannot read config file ${file}: ${error.message}`);
    });
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new CasebookError(`config file ${file} is not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    const module = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
    return module.default;
  } catch (error) {
    throw new CasebookError(`cannot load config file ${file}: ${(error as Error).message}`);
  }
}

export interface LoadConfigOptions {
  /** An explicit config file; otherwise casebook.config.* in `cwd` when there is one. */
  file?: string;
  cwd?: string;
  /** Options from the command line; they win over the file. */
  overrides?: Record<string, unknown>;
}

/** Paths in a config file are relative to the file; flags are relative to cwd. */
function resolvePaths(raw: Record<string, unknown>, dir: string): Record<string, unknown> {
  const out = { ...raw };
  for (const key of ['results', 'cases', 'defects']) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((r) => (typeof r === 'string' ? path.resolve(dir, r) : r));
  }
  for (const key of ['out', 'content', 'templates', 'requirements']) {
    if (typeof out[key] === 'string') out[key] = path.resolve(dir, out[key] as string);
  }
  // A history is a folder or the URL of a published site.
  if (typeof out.history === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(out.history)) out.history = path.resolve(dir, out.history);
  return out;
}

export async function loadConfig(options: LoadConfigOptions = {}): Promise<CasebookConfig & { configFile?: string }> {
  const cwd = options.cwd ?? process.cwd();
  let file = options.file ? path.resolve(cwd, options.file) : undefined;
  if (file && !(await exists(file))) throw new CasebookError(`config file ${options.file} does not exist`);
  if (!file) {
    for (const name of CONFIG_FILES) {
      if (await exists(path.join(cwd, name))) {
        file = path.join(cwd, name);
        break;
      }
    }
  }
  let fromFile: Record<string, unknown> = {};
  if (file) {
    const raw = await readConfigFile(file);
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      throw new CasebookError(`config file ${file} must export an object (export default { ... })`);
    }
    const checked = configSchema.partial().safeParse(raw);
    if (!checked.success) throw new CasebookError(formatIssues(checked.error, path.relative(cwd, file) || file));
    fromFile = resolvePaths(raw as Record<string, unknown>, path.dirname(file));
  }
  const overrides = Object.fromEntries(Object.entries(options.overrides ?? {}).filter(([, v]) => v !== undefined));
  const merged = { ...fromFile, ...resolvePaths(overrides, cwd) };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new CasebookError(formatIssues(parsed.error, file ? `${path.relative(cwd, file)} and the command line` : 'the command line'), {
      hint: parsed.error.issues.some((i) => i.path[0] === 'results') ? 'name a results folder with --results DIR' : undefined,
    });
  }
  const config: CasebookConfig & { configFile?: string } = { ...parsed.data };
  if (!config.content || config.content === DEFAULT_CONTENT) config.content = path.resolve(cwd, DEFAULT_CONTENT);
  if (!path.isAbsolute(config.out)) config.out = path.resolve(cwd, config.out);
  if (file) config.configFile = file;
  return config;
}
