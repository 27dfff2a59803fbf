// The pages process of `casebook build` (see pages-process.ts): it loads the
// config, builds every page, and then either becomes the process that indexes
// and reports (when the command line became this process) or sends that back
// to the command line, and exits; either way the run's model is freed before
// Pagefind indexes the site.
import { buildPages } from '../build.ts';
import { loadConfig } from '../config/load.ts';
import { answerParent } from '../lib/child-process.ts';
import { exitWith } from '../cli/report.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { outcomeOf } from '../outcome.ts';
import { stderrLogger } from '../cli/stderr-logger.ts';
import { trapInterrupts } from '../lib/interrupts.ts';
import { abandonSite, prepareSite, type SiteHandle } from '../write/output-folder.ts';
import { passOn, takeStage, type PagesReply, type PagesRequest } from './pages-process.ts';

async function buildPagesReply({ config, quiet, gate, lockOwner }: PagesRequest): Promise<PagesReply> {
  const interrupts = trapInterrupts();
  let site: SiteHandle | undefined;
  try {
    const loaded = await loadConfig(config);
    // Until the last process takes it over, a stop here removes the staging folder and the locks.
    ({ site } = await prepareSite(loaded, lockOwner, interrupts));
    const built = await buildPages(loaded, site, stderrLogger(quiet), { interrupts });
    return { outcome: outcomeOf(built, gate) };
  } catch (error) {
    if (site) await abandonSite(site);
    return {
      error: error instanceof CasebookError
        ? { known: true, message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(error.exitCode !== undefined ? { exitCode: error.exitCode } : {}) }
        : { known: false, message: (error as Error)?.stack ?? String(error) },
    };
  }
}

const stage = takeStage();
if (stage) exitWith(buildPagesReply(stage.request).then((reply) => passOn(reply, stage)));
else answerParent(buildPagesReply);
