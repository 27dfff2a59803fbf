// Every YAML document Casebook reads (case files, front matter, defects,
// requirements) is parsed here, once: syntax errors, alias bombs ("billion
// laughs") and nesting deep enough to exhaust the stack all come back as one
// problem with its offset, never as an exception that ends the build.
import type { Document } from 'yaml';
import { LineCounter, parseDocument } from 'yaml';

/** Aliases a document may expand (yaml's default is 100; a real case file has a handful). */
const MAX_ALIAS_COUNT = 100;

export type ParsedYaml =
  | { ok: true; doc: Document; data: unknown; counter: LineCounter }
  | { ok: false; message: string; offset: number; counter: LineCounter };

export function parseYaml(text: string, options: { uniqueKeys?: boolean } = {}): ParsedYaml {
  const counter = new LineCounter();
  try {
    const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: options.uniqueKeys ?? true });
    const error = doc.errors[0];
    if (error) return { ok: false, message: error.message.split('\n')[0]!, offset: error.pos[0], counter };
    return { ok: true, doc, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), counter };
  } catch (error) {
    const message =
      error instanceof RangeError ? 'it is nested too deeply to read'
      : /alias/i.test((error as Error)?.message ?? '') ? `its aliases expand to more than ${MAX_ALIAS_COUNT} copies (a "billion laughs" document)`
      : ((error as Error)?.message ?? String(error)).split('\n')[0]!;
    return { ok: false, message, offset: 0, counter };
  }
}
