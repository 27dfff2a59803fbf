// The process `casebook build` runs its pages in (see pages-process.ts): it
// takes the config from its parent, builds every page, sends back what the
// command line reports, and exits, so the memory of the run's model is
// returned before Pagefind indexes the site.
import { buildPages } from '../build.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { outcomeOf } from '../outcome.ts';
import { stderrLogger } from '../stderr-logger.ts';
import type { PagesReply, PagesRequest } from './pages-process.ts';

const reply = (message: PagesReply) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once('message', async (message: PagesRequest) => {
  const { config, quiet, gate } = message;
  try {
    const built = await buildPages(config, stderrLogger(quiet));
    await reply({ outcome: outcomeOf(built, gate) });
  } catch (error) {
    await reply({
      error: error instanceof CasebookError
        ? { known: true, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
        : { known: false, message: (error as Error)?.stack ?? String(error) },
    });
  }
  process.exit(0);
});
