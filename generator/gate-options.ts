// The gate's thresholds and their command-line flags (kept apart from check(),
// which reads the whole run, so the command line can parse them cheaply).
import { CasebookError } from './diagnostics/diagnostic.ts';

export interface GateOptions {
  /** Most unexplained failures allowed (muted ones are not counted). @default 0 */
  maxUnexplained?: number;
  /** Least pass rate allowed, in percent (0–100). Not checked when absent. */
  minPassRate?: number;
  /** Fail when a defect marked fixed still matches failures. @default false */
  failOnRegression?: boolean;
  /** Most new failures allowed against the previous run of the history (--history). Not checked when absent. */
  maxNewFailures?: number;
}

/**
 * The gate's flags as the CLI gets them (strings) → options; throws a
 * CasebookError naming the flag when a value is not what it expects.
 */
export function parseGateFlags(values: { 'max-unexplained'?: string; 'min-pass-rate'?: string; 'fail-on-regression'?: boolean; 'max-new-failures'?: string }): GateOptions {
  const options: GateOptions = {};
  const raw = values['max-unexplained'];
  if (raw !== undefined) {
    if (!/^\d+$/.test(raw.trim())) throw new CasebookError(`--max-unexplained: expected a whole number of failures (0 or more), got "${raw}"`);
    options.maxUnexplained = Number(raw);
  }
  const rate = values['min-pass-rate'];
  if (rate !== undefined) {
    const value = Number(rate.trim().replace(/%$/, ''));
    if (rate.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) throw new CasebookError(`--min-pass-rate: expected a percentage from 0 to 100, e.g. 95 or 99.5, got "${rate}"`);
    options.minPassRate = value;
  }
  if (values['fail-on-regression']) options.failOnRegression = true;
  const fresh = values['max-new-failures'];
  if (fresh !== undefined) {
    if (!/^\d+$/.test(fresh.trim())) throw new CasebookError(`--max-new-failures: expected a whole number of failures (0 or more), got "${fresh}"`);
    options.maxNewFailures = Number(fresh);
  }
  return options;
}
