// Diagnostics are data: collected through every stage, printed by the CLI,
// listed in summary.json and on the site's "Rejected input" page.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `result/invalid-json`. */
  code: string;
  message: string;
  /** The input file it is about (as the user named it), if any. */
  file?: string;
  line?: number;
  hint?: string;
  /** True when the file (or part of it) was left out of the model because of this. */
  rejected: boolean;
}

export interface DiagnosticSink {
  report(diagnostic: Diagnostic): void;
}

/** Collects diagnostics in memory, in the order they were reported. */
export function createDiagnosticList(): DiagnosticSink & { list: Diagnostic[] } {
  const list: Diagnostic[] = [];
  return { list, report: (d) => list.push(d) };
}

/** Deterministic order for output: by file, then line, then code. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** The input files (or parts of them) left out of the model, with the reason: summary.json's and the rejected page's list. */
export function rejectedOf(diagnostics: readonly Diagnostic[]): { file: string; reason: string; code: string }[] {
  return diagnostics.filter((d) => d.rejected).map((d) => ({ file: d.file ?? '', reason: d.message, code: d.code }));
}

/** An error a user can act on (bad config, no results); the CLI prints it without a stack. */
export class CasebookError extends Error {
  readonly hint?: string;
  /** The command's exit code, when it is not the command's usual one for unusable input (2: a refused flag value). */
  readonly exitCode?: number;
  constructor(message: string, options: { hint?: string; cause?: unknown; exitCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CasebookError';
    this.hint = options.hint;
    if (options.exitCode !== undefined) this.exitCode = options.exitCode;
  }
}
