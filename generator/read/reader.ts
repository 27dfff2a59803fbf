// The interface every input reader implements (as Allure 3's readers do):
// a reader says which files it takes and turns one file into data.
import type { DiagnosticSink } from '../diagnostics/diagnostic.ts';
import type { InputLimits } from './input-file.ts';

export interface ShardContext {
  /** Absolute real path of the results folder. */
  folder: string;
  /** The folder as the user named it, for messages. */
  label: string;
  /** Index of this folder among the run's results folders. */
  shard: number;
  diagnostics: DiagnosticSink;
  /**
   * One string for each repeated short text (step and label names, label
   * values, link URLs): JSON.parse gives every occurrence its own copy, and at
   * 10,000 results a step name appears ~600 times.
   */
  intern(text: string): string;
  /** Reads a results file of the folder as text (see inputTextReader): a regular file inside the folder, within its size cap. */
  readText(file: string): Promise<string>;
  /** Reads a small metadata file of the folder (categories, environment, executor). */
  readSmallText(file: string): Promise<string>;
  limits: InputLimits;
}

/** A ShardContext's `intern`: keeps the first of equal texts up to 200 characters. */
export function interner(): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    if (text.length > 200) return text;
    const first = known.get(text);
    if (first !== undefined) return first;
    known.set(text, text);
    return text;
  };
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
