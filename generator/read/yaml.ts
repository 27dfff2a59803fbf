// Every YAML document Casebook reads (case files, front matter, defects,
// requirements) is parsed here, once: syntax errors, alias bombs ("billion
// laughs") and nesting deep enough to exhaust the stack all come back as one
// problem with its offset, never as an exception that ends the build.
import type { Document, Node } from 'yaml';
import { isMap, LineCounter, parseDocument } from 'yaml';

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

/**
 * The 1-based line (in the parsed text) of the value at `at`, a key path such as
 * ['match', 'labels', 'feature']: the key's own line when it has one (it reads
 * better than its value's for a mapping or a list), else the nearest parent's;
 * undefined when not even the first key is in the document.
 */
export function lineOfPath(doc: Document, counter: LineCounter, at: readonly PropertyKey[]): number | undefined {
  for (let depth = at.length; depth > 0; depth--) {
    const path = at.slice(0, depth);
    const parent = depth > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    let node: Node | undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
      if (pair?.key && typeof pair.key === 'object' && 'range' in pair.key) node = pair.key as Node;
    }
    node ??= doc.getIn(path, true) as Node | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
