// The three report generators under test, each as the command a CI job would run.
// Each runs in its own empty working folder, so no config or history file is picked up.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ToolRun {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

export interface RunFolders {
  /** Empty working folder (the process's cwd). */
  cwd: string;
  /** Where the report or site goes; absent before the run. */
  out: string;
  /** Scratch space for the tool (Casebook's generated content and Astro cache). */
  work: string;
  /** Where Casebook writes its per-stage timings. */
  timingsFile: string;
}

/** One size's synthetic data: the results every tool reads, and the cases and defects only Casebook reads. */
export interface BenchInput {
  resultsDirs: readonly string[];
  casesDir: string;
  defectsDir: string;
  /** A site folder holding history/index.json: earlier runs of the same suite (bench/synthetic-history.ts). */
  historyDir?: string;
}

export interface Tool {
  id: 'casebook' | 'casebook-cases' | 'casebook-history' | 'allure3' | 'allure2';
  label: string;
  version(root: string): Promise<string>;
  run(root: string, input: BenchInput, folders: RunFolders): ToolRun;
}

const packageVersion = async (file: string): Promise<string> => {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version ?? '?';
  } catch {
    return 'not installed';
  }
};

function casebookRun(root: string, input: BenchInput, folders: RunFolders, withCases: boolean, withHistory = false): ToolRun {
  return {
    command: process.execPath,
    args: [
      join(root, 'generator', 'cli', 'main.ts'), 'build', '--quiet',
      ...input.resultsDirs.flatMap((dir) => ['--results', dir]),
      ...(withCases ? ['--cases', input.casesDir, '--defects', input.defectsDir] : []),
      ...(withHistory && input.historyDir ? ['--history', input.historyDir] : []),
      '--out', folders.out,
      // Astro's cache lives in the content folder, so it is fresh in every round too.
      '--content', join(folders.work, 'content'),
    ],
    env: { ...process.env, CASEBOOK_TIMINGS_FILE: folders.timingsFile, ASTRO_TELEMETRY_DISABLED: '1' },
  };
}

export const tools: readonly Tool[] = [
  {
    id: 'casebook',
    label: 'Casebook',
    version: (root) => packageVersion(join(root, 'package.json')),
    // The same input as the Allure reports: the results alone.
    run: (root, input, folders) => casebookRun(root, input, folders, false),
  },
  {
    id: 'casebook-cases',
    label: 'Casebook +cases',
    version: (root) => packageVersion(join(root, 'package.json')),
    // Casebook's whole workload: the results plus the written cases and known
    // defects it links them to (a page per case, explanations on failures),
    // input the Allure reports do not have.
    run: (root, input, folders) => casebookRun(root, input, folders, true),
  },
  {
    id: 'casebook-history',
    label: 'Casebook +history',
    version: (root) => packageVersion(join(root, 'package.json')),
    // The results and the history of the suite's earlier runs (--history-runs),
    // as a CI build given the published site's history.
    run: (root, input, folders) => casebookRun(root, input, folders, false, true),
  },
  {
    id: 'allure3',
    label: 'Allure 3',
    version: (root) => packageVersion(join(root, 'node_modules', 'allure', 'package.json')),
    // `npx allure generate` runs the same file after npm's own start-up; calling it directly
    // keeps npm's half second out of the figures, as Casebook is run without npm too.
    run: (root, { resultsDirs }, folders) => ({
      command: process.execPath,
      args: [join(root, 'node_modules', 'allure', 'cli.js'), 'generate', ...resultsDirs, '--output', folders.out],
      env: { ...process.env, NO_COLOR: '1' },
    }),
  },
  {
    id: 'allure2',
    label: 'Allure 2',
    version: (root) => packageVersion(join(root, 'node_modules', 'allure-commandline', 'package.json')),
    // Not node_modules/.bin/allure: since allure@3 is installed that name is Allure 3's CLI.
    run: (root, { resultsDirs }, folders) => ({
      command: join(root, 'node_modules', 'allure-commandline', 'dist', 'bin', 'allure'),
      args: ['generate', ...resultsDirs, '-o', folders.out, '--clean'],
      env: { ...process.env },
    }),
  },
];
