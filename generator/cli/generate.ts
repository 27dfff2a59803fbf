// `casebook generate`: the content folder only, no site.
import type { CasebookConfig } from '../config/schema.ts';
import type { Logger } from '../lib/logger.ts';
import type { CommandOutcome } from '../outcome.ts';
import { COMMON_FLAGS, commandFlags, configFrom } from './flags.ts';
import { reportError, reportOutcome } from './report.ts';
import { stderrLogger } from './stderr-logger.ts';

const HELP = `casebook generate — results → content folder (no site build)

Usage: casebook generate --results DIR [--results DIR ...] [--content DIR] [options]

${COMMON_FLAGS}
`;

export async function generateCli(args: string[]): Promise<number> {
  const flags = commandFlags('generate', args, HELP);
  if (typeof flags === 'number') return flags;
  const { values, format } = flags;
  const logger = stderrLogger(values.quiet ?? false);
  const startedAt = Date.now();
  try {
    // Loaded when used: `casebook --help` and a build's command line stay small.
    const config = await (await import('../config/load.ts')).loadConfig(configFrom('generate', values));
    return await reportOutcome('generate', await generateContent(config, logger), Date.now() - startedAt, logger, format);
  } catch (error) {
    return reportError('generate', error, logger);
  }
}

async function generateContent(config: CasebookConfig & { configFile?: string }, logger: Logger): Promise<CommandOutcome> {
  const [{ generate }, { outcomeOf }, { prepareContent, unlockFolders }] = await Promise.all([import('../generate.ts'), import('../outcome.ts'), import('../write/output-folder.ts')]);
  const lock = await prepareContent(config);
  try {
    return outcomeOf(await generate(config, logger));
  } finally {
    await unlockFolders([lock], process.pid);
  }
}
