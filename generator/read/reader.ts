// The interface every input reader implements (as Allure 3's readers do):
// a reader says which files it takes and turns one file into data.
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';

export interface ShardContext {
  /** Absolute real path of the results folder. */
  folder: string;
  /** The folder as the user named it, for messages. */
  label: string;
  /** Index of this folder among the run's results folders. */
  shard: number;
  diagnostics: DiagnosticSink;
}

export interface FileReader<T> {
  readonly name: string;
  matches(fileName: string): boolean;
  read(file: string, ctx: ShardContext): Promise<T | undefined>;
}

/** The path shown to users: the folder as they named it, joined with the file name. */
export function displayPath(ctx: ShardContext, fileName: string): string {
  return `${ctx.label.replace(/\/+$/, '')}/${fileName}`;
}
