// Regular expressions with Allure's semantics (categories.json and defect
// files alike): the pattern must match the WHOLE text, as Java's
// `Pattern.compile(p, DOTALL).matcher(text).matches()` does, after ANSI colour
// codes are stripped. Each pattern also carries the literal text every match
// must contain, so most non-matching texts are turned away by `startsWith` /
// `includes` before the regex runs: that keeps thousands of failures against
// hundreds of defects fast.

import { RE2JS } from 're2js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters
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

// Java's leading inline flags, e.g. `(?s)`: not part of the literal text a match needs.
const INLINE_FLAGS = /^\(\?[imsu]+\)/;

// Constructs that need backtracking, with what they are called in a message.
const BACKTRACKING: [RegExp, string][] = [
  [/\(\?<?[=!]/, 'lookahead or lookbehind'],
  [/\\[1-9]|\\k</, 'a backreference'],
  [/\(\?>/, 'an atomic group'],
  [/(?:[*+?}])\+(?!$)/, 'a possessive quantifier'],
];

// Java's POSIX classes (\p{Alpha}) as RE2 writes them ([[:alpha:]]).
const JAVA_POSIX: Record<string, string> = {
  Lower: 'lower', Upper: 'upper', ASCII: 'ascii', Alpha: 'alpha', Digit: 'digit', Alnum: 'alnum', Punct: 'punct',
  Graph: 'graph', Print: 'print', Blank: 'blank', Cntrl: 'cntrl', XDigit: 'xdigit', Space: 'space',
};

/**
 * Java's and JavaScript's spellings that RE2 writes otherwise: `\uXXXX` and
 * `\u{X}` → `\x{X}`; `\p{Alpha}` → `[[:alpha:]]` (inside a class, `[:alpha:]`);
 * `\Z` (end, or before a final line break) → `\n?\z`; `\R` → a line break; a
 * possessive quantifier at the very end (`.*+`), where it takes what the greedy
 * one would, → greedy. Escapes are found by counting backslashes.
 */
export function toRe2Syntax(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[i + 1] ?? '';
      const rest = source.slice(i + 2);
      const posix = /^\{(\w+)\}/.exec(rest);
      const hex = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(rest);
      if (e === 'u' && hex) {
        out += `\\x{${hex[1] ?? hex[2]}}`;
        i += 1 + hex[0].length;
      } else if ((e === 'p' || e === 'P') && posix && JAVA_POSIX[posix[1]!]) {
        const name = `[:${e === 'P' ? '^' : ''}${JAVA_POSIX[posix[1]!]}:]`;
        out += inClass ? name : `[${name}]`;
        i += 1 + posix[0].length;
      } else if (e === 'Z' && !inClass) {
        out += '\\n?\\z';
        i += 1;
      } else if (e === 'R' && !inClass) {
        out += '(?:\\r\\n|[\\n\\x0B\\f\\r\\x{85}\\x{2028}\\x{2029}])';
        i += 1;
      } else {
        out += c + e;
        i += 1;
      }
      continue;
    }
    if (inClass && c === ']') inClass = false;
    else if (!inClass && c === '[') {
      inClass = true;
      // A ']' right after '[' or '[^' is a literal.
      const lead = source[i + 1] === '^' ? (source[i + 2] === ']' ? 2 : 1) : source[i + 1] === ']' ? 1 : 0;
      out += source.slice(i, i + 1 + lead);
      i += lead;
      continue;
    }
    out += c;
  }
  // `X*+` (or `++`, `?+`, `{n,m}+`) as the pattern's last token takes all it can either way.
  return out.replace(/([*+?}])\+$/, (all, q: string, at: number) => (isEscaped(out, at) ? all : q));
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let j = at - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
  return slashes % 2 === 1;
}

/**
 * Compiles a pattern for whole-text matching with RE2's linear-time engine
 * (re2js): no pattern, however written, can take more than time linear in the
 * text, so an untrusted categories.json or a careless defect file cannot hang
 * a build. Java's and JavaScript's common syntax reads the same; what needs
 * backtracking is refused with its name.
 */
export function compileWholeMatch(source: string): CompiledPattern {
  let regex: { matcher(text: string): { matches(): boolean } };
  const re2 = toRe2Syntax(source);
  try {
    regex = RE2JS.compile(re2, RE2JS.DOTALL);
  } catch (error) {
    const unsupported = BACKTRACKING.find(([construct]) => construct.test(source));
    if (unsupported) return { ok: false, error: `it uses ${unsupported[1]}, which needs backtracking; Casebook matches in linear time only, so write it without` };
    return { ok: false, error: (error as Error).message.replace(/^error parsing regexp: /, '') };
  }
  // A case-insensitive part makes literal runs unreliable: no prefilter then.
  const literals = /\(\?[a-zA-Z]*i/.test(source) ? { prefix: '', runs: [] as string[] } : requiredLiterals(re2.replace(INLINE_FLAGS, ''));
  // The longest runs turn most texts away; a handful is enough.
  const required = [...new Set(literals.runs.filter((r) => r.length >= 2))].sort((a, b) => b.length - a.length).slice(0, 3);
  const prefix = literals.prefix;
  const test = (text: string): boolean => {
    if (prefix && !text.startsWith(prefix)) return false;
    for (const r of required) if (!text.includes(r)) return false;
    return regex.matcher(text).matches();
  };
  return { ok: true, pattern: { source, prefix, required, test } };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };
// Escapes that stand for a class of characters or a position, never for one literal character.
const CLASS_ESCAPES = new Set(['d', 'D', 'w', 'W', 's', 'S', 'b', 'B', 'p', 'P', 'k', 'c', 'x', 'u', 'A', 'z', 'Z', 'G', 'h', 'H', 'v', 'V', 'R', 'X', 'Q', 'E', 'C']);

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
 * literal. Globs with `*` only (the usual kind) are matched with indexOf; with
 * `?`, by a matcher that never goes back further than the last `*` (linear
 * in the text for each part), never by a backtracking regex.
 */
export function compileGlob(glob: string): (text: string) => boolean {
  if (glob.includes('?')) return (text) => wildcardMatch(glob, text);
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

/** `*` and `?` over code units: on a mismatch, only the text the last `*` took grows by one. */
function wildcardMatch(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (g < glob.length && (glob[g] === '?' || (glob[g] !== '*' && glob[g] === text[t]))) {
      g++;
      t++;
    } else if (g < glob.length && glob[g] === '*') {
      star = g++;
      resume = t;
    } else if (star >= 0) {
      g = star + 1;
      t = ++resume;
    } else return false;
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}
