// The process `casebook build` runs its pages in (see pages-process.ts): it
// loads the config its parent names, builds every page, sends back what the
// command line reports, and exits, so the memory of the run's model is
// returned before Pagefind indexes the site.
import { buildPages } from '../build.ts';
import { loadConfig } from '../config/load.ts';
import { answerParent } from '../child-process.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { outcomeOf } from '../outcome.ts';
import { stderrLogger } from '../stderr-logger.ts';
import type { PagesReply, PagesRequest } from './pages-process.ts';

answerParent<PagesRequest, PagesReply>(async ({ config, quiet, gate }) => {
  try {
    const built = await buildPages(await loadConfig(config), stderrLogger(quiet));
    return { outcome: outcomeOf(built, gate) };
  } catch (error) {
    return {
      error: error instanceof CasebookError
        ? { known: true, message: error.message, ...(error.hint ? { hint: error.hint } : {}) }
        : { known: false, message: (error as Error)?.stack ?? String(error) },
    };
  }
});
