// Regular expressions with Allure's semantics (categories.json and defect
// files alike): the pattern must match the WHOLE text, as Java's
// `Pattern.compile(p, DOTALL).matcher(text).matches()` does, after ANSI colour
// codes are stripped. Each pattern also carries the literal text every match
// must contain, so most non-matching texts are turned away by `startsWith` /
// `includes` before the regex runs: that keeps thousands of failures against
// hundreds of defects fast.

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*[a-zA-Z]/g;

/** Allure 2 strips `ESC [ … letter` sequences before matching. */
export function stripAnsi(text: string): string {
  return text.includes('\x1b') ? text.replace(ANSI, '') : text;
}

export interface WholeMatchPattern {
  readonly source: string;
  /** Text every match starts with ('' when the pattern does not start with a literal). */
  readonly prefix: string;
  /** Literal runs every match contains. */
  readonly required: readonly string[];
  /** Whether the pattern matches all of `text` (already ANSI-stripped). */
  test(text: string): boolean;
}

export type CompiledPattern = { ok: true; pattern: WholeMatchPattern } | { ok: false; error: string };

// Java's leading inline flags, e.g. `(?i)`. DOTALL is always on; `s` is accepted and ignored.
const INLINE_FLAGS = /^\(\?([imsu]+)\)/;

export function compileWholeMatch(source: string): CompiledPattern {
  let body = source;
  let flags = 's';
  const inline = INLINE_FLAGS.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const f of new Set(inline[1])) if (f === 'i' || f === 'm') flags += f;
  }
  let regex: RegExp;
  try {
    // Checked alone first: `a)|(b` would compile inside the wrapper but is not one expression.
    new RegExp(body, flags);
    // With `m`, ^ and $ would stop at line ends: anchor on the text's ends instead.
    regex = flags.includes('m') ? new RegExp(`(?<![\\s\\S])(?:${body})(?![\\s\\S])`, flags) : new RegExp(`^(?:${body})$`, flags);
  } catch (error) {
    return { ok: false, error: (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '') };
  }
  const literals = flags.includes('i') ? { prefix: '', runs: [] as string[] } : requiredLiterals(body);
  // The longest runs turn most texts away; a handful is enough.
  const required = [...new Set(literals.runs.filter((r) => r.length >= 2))].sort((a, b) => b.length - a.length).slice(0, 3);
  const prefix = literals.prefix;
  const test = (text: string): boolean => {
    if (prefix && !text.startsWith(prefix)) return false;
    for (const r of required) if (!text.includes(r)) return false;
    return regex.test(text);
  };
  return { ok: true, pattern: { source, prefix, required, test } };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
// Escapes that stand for a class of characters or a position, never for one literal character.
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'p', 'P', 'k', 'c', 'x', 'u']);

/**
 * The literal runs of a pattern's top-level sequence. Conservative: a
 * top-level alternation gives none; groups, classes and quantified atoms end
 * a run; a character followed by a quantifier is dropped from its run.
 */
export function requiredLiterals(pattern: string): { prefix: string; runs: string[] } {
  if (hasTopLevelAlternation(pattern)) return { prefix: '', runs: [] };
  const runs: string[] = [];
  let run = '';
  let prefix: string | undefined;
  let atStart = true;
  const end = () => {
    if (prefix === undefined) prefix = atStart ? run : '';
    if (run) runs.push(run);
    run = '';
    atStart = false;
  };
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i]!;
    let literal: string | undefined;
    let next = i + 1;
    if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      next = i + 2 + escapeTail(pattern, i + 2, e);
      if (SIMPLE_ESCAPES[e] !== undefined && next === i + 2) literal = SIMPLE_ESCAPES[e];
      else if (/[1-9]/.test(e) || CLASS_ESCAPES.has(e) || e === '') literal = undefined;
      else literal = e;
    } else if (c === '(') {
      next = skipGroup(pattern, i);
    } else if (c === '[') {
      next = skipClass(pattern, i);
    } else if (c === '.' || c === '^' || c === '$') {
      literal = undefined;
    } else if (c === '{' && quantifierLength(pattern, i) > 0) {
      // A quantifier at the start of the pattern: not a literal.
      next = i + quantifierLength(pattern, i);
    } else {
      literal = c;
    }
    const q = quantifierAt(pattern, next);
    if (literal !== undefined && q === 0) {
      run += literal;
    } else {
      end();
    }
    i = next + q;
  }
  end();
  return { prefix: prefix ?? '', runs };
}

/** How many characters after `\\e` still belong to the escape (`\\x41`, `\\u{1F600}`, `\\p{L}`, `\\k<name>`, `\\cJ`). */
function escapeTail(p: string, i: number, e: string): number {
  const rest = p.slice(i, i + 16);
  const m =
    e === 'x' ? /^[0-9a-fA-F]{2}/.exec(rest)
    : e === 'u' ? /^(\{[0-9a-fA-F]+\}|[0-9a-fA-F]{4})/.exec(rest)
    : e === 'p' || e === 'P' ? /^\{[^}]*\}/.exec(rest)
    : e === 'k' ? /^<[^>]*>/.exec(rest)
    : e === 'c' ? /^[a-zA-Z]/.exec(rest)
    : /[0-9]/.test(e) ? /^[0-9]*/.exec(rest)
    : null;
  return m ? m[0].length : 0;
}

/** Length of a quantifier (with its lazy `?`) starting at `i`, or 0. */
function quantifierAt(p: string, i: number): number {
  const c = p[i];
  let len = 0;
  if (c === '*' || c === '+' || c === '?') len = 1;
  else if (c === '{') len = quantifierLength(p, i);
  if (len > 0 && (p[i + len] === '?' || p[i + len] === '+')) len++;
  return len;
}

function quantifierLength(p: string, i: number): number {
  const m = /^\{\d+(,\d*)?\}/.exec(p.slice(i, i + 24));
  return m ? m[0].length : 0;
}

function skipClass(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '^') j++;
  if (p[j] === ']') j++;
  while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
  return j + 1;
}

function skipGroup(p: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < p.length) {
    const c = p[j];
    if (c === '\\') j += 2;
    else if (c === '[') j = skipClass(p, j);
    else {
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) return j + 1;
      j++;
    }
  }
  return j;
}

function hasTopLevelAlternation(p: string): boolean {
  let j = 0;
  while (j < p.length) {
    const c = p[j];
    if (c === '\\') j += 2;
    else if (c === '[') j = skipClass(p, j);
    else if (c === '(') j = skipGroup(p, j);
    else if (c === '|') return true;
    else j++;
  }
  return false;
}

/**
 * A glob over a whole string: `*` any text, `?` one character, everything else
 * literal. Globs with `*` only (the usual kind) are matched with indexOf, not a regex.
 */
export function compileGlob(glob: string): (text: string) => boolean {
  if (glob.includes('?')) {
    const re = globToRegExp(glob);
    return (text) => re.test(text);
  }
  const parts = glob.split('*');
  if (parts.length === 1) return (text) => text === glob;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const middle = parts.slice(1, -1).filter(Boolean);
  const least = first.length + last.length;
  return (text) => {
    if (text.length < least || !text.startsWith(first) || !text.endsWith(last)) return false;
    // Leftmost placement of each middle part is always the best one for `*`.
    let at = first.length;
    const end = text.length - last.length;
    for (const part of middle) {
      const found = text.indexOf(part, at);
      if (found < 0 || found + part.length > end) return false;
      at = found + part.length;
    }
    return true;
  };
}

export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`);
}
