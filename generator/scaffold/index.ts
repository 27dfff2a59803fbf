// scaffold(): a test skeleton for a written (usually manual) case, in the
// chosen framework: the Allure id label, the title, the labels, and one Allure
// step per written step with its expected result as a comment. Run with the
// framework's Allure adapter, the result links back to the case by its id.
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { CasebookError, createDiagnosticList } from '../diagnostics/diagnostic.ts';
import type { WrittenCase } from '../model/cases.ts';
import { normalizeId } from '../model/cases.ts';
import { readCases } from '../read/cases/cases-folder.ts';
import { cucumberScaffold } from './cucumber.ts';
import { junit5Scaffold } from './java.ts';
import { javascriptScaffold } from './javascript.ts';
import { pytestScaffold } from './python.ts';
import type { Framework, ScaffoldFile, ScaffoldHeader } from './types.ts';
import { FRAMEWORKS } from './types.ts';

export { FRAMEWORKS };
export type { Framework, ScaffoldFile };

export interface ScaffoldOptions {
  /** The case id, as written in its file. */
  id: string;
  framework: string;
  /** Folders of written cases to look in. */
  cases: readonly string[];
  /** Write the files under this folder (never overwriting one); without it, only return them. */
  out?: string;
}

export interface ScaffoldResult {
  case: WrittenCase;
  framework: Framework;
  files: ScaffoldFile[];
  /** Absolute paths written, when `out` was given. */
  written: string[];
  /** Problems met while reading the cases folders (other files' problems do not stop a scaffold). */
  diagnostics: Diagnostic[];
}

/** The files of one framework's scaffold for a case (pure: no disk). */
export function scaffoldFiles(c: WrittenCase, framework: Framework): ScaffoldFile[] {
  const header: ScaffoldHeader = {
    lines: [
      `Scaffolded by \`casebook scaffold ${c.id} --framework ${framework}\` from ${c.file}.`,
      'Each written step is an Allure step: replace the TODO comments with the real actions and checks.',
      'Keep the Allure id: it links the result back to the case.',
    ],
  };
  switch (framework) {
    case 'vitest':
    case 'jest':
    case 'mocha':
    case 'playwright':
      return javascriptScaffold(framework, c, header);
    case 'cucumber':
      return cucumberScaffold(c, header);
    case 'pytest':
      return pytestScaffold(c, header);
    case 'junit5':
      return junit5Scaffold(c, header);
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

export async function scaffold(options: ScaffoldOptions): Promise<ScaffoldResult> {
  if (!(FRAMEWORKS as readonly string[]).includes(options.framework)) {
    throw new CasebookError(`unknown framework "${options.framework}"`, { hint: `use one of: ${FRAMEWORKS.join(', ')}` });
  }
  const framework = options.framework as Framework;
  if (options.cases.length === 0) throw new CasebookError('no cases folder to look in', { hint: 'name one with --cases DIR (or `cases` in the config file)' });
  const diagnostics = createDiagnosticList();
  const { cases } = await readCases(options.cases, diagnostics);
  const wanted = normalizeId(options.id);
  const found = cases.find((c) => c.id === options.id) ?? cases.find((c) => normalizeId(c.id) === wanted);
  if (!found) {
    const close = cases
      .map((c) => c.id)
      .filter((id) => normalizeId(id).includes(wanted) || wanted.includes(normalizeId(id)))
      .slice(0, 5);
    const where = options.cases.map((c) => path.relative(process.cwd(), c) || '.').join(', ');
    throw new CasebookError(`no case with id "${options.id}" in ${where} (${cases.length} cases read)`, {
      hint: close.length ? `did you mean ${close.join(', ')}?` : 'the id is the `id` field of a case file, or the id tag of a Gherkin scenario',
    });
  }
  const files = scaffoldFiles(found, framework);
  const written: string[] = [];
  if (options.out) {
    const root = path.resolve(options.out);
    const targets = files.map((f) => path.join(root, f.path));
    const taken = [];
    for (const t of targets) if (await exists(t)) taken.push(t);
    if (taken.length) throw new CasebookError(`refusing to overwrite ${taken.join(', ')}`, { hint: 'remove the file or choose another --out folder' });
    for (const [i, f] of files.entries()) {
      const target = targets[i] as string;
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, f.content, { flag: 'wx' });
      written.push(target);
    }
  }
  return { case: found, framework, files, written, diagnostics: diagnostics.list };
}
