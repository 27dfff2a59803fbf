// Casebook's public API, listed by name: what the CLI calls is what a script
// or a test calls. test/api.test.ts pins this list.
export { build } from './build.ts';
export type { BuildResult } from './build.ts';
export { generate } from './generate.ts';
export type { GenerateResult } from './generate.ts';
export { check, gateReport } from './check.ts';
export type { CheckResult, GateOptions } from './check.ts';
export { scaffold, FRAMEWORKS } from './scaffold/index.ts';
export type { Framework, ScaffoldOptions, ScaffoldResult } from './scaffold/index.ts';
export { loadConfig } from './config/load.ts';
export { configSchema, defineConfig } from './config/schema.ts';
export type { CasebookConfig, CasebookConfigInput } from './config/schema.ts';
export { CasebookError } from './diagnostics/diagnostic.ts';
export type { Diagnostic } from './diagnostics/diagnostic.ts';
export { silentLogger } from './lib/logger.ts';
export type { Logger } from './lib/logger.ts';
export type { Run, Result, Step, Attachment, FeatureNode, RunTotals, Status } from './model/types.ts';
