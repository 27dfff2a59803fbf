// Unexplained failures grouped by a normalized error signature: the message
// (its first lines) and the top frames of the trace above the test's own code
// (which differs for every test that hits one cause), with the parts that
// change from run to run (numbers, ids, hashes, timestamps, temporary paths,
// quoted values) taken out. Each group gets a ready-to-copy defect file whose
// matcher is built from the same tokens, so it matches every member; it is
// then checked against the other groups and narrowed with a trace regex when
// their messages look alike.
import { shortHash } from '../model/identity.ts';
import type { Result } from '../model/types.ts';
import type { WholeMatchPattern } from '../model/patterns.ts';
import { compileWholeMatch, stripAnsi } from '../model/patterns.ts';

type TokenKind = 'space' | 'quoted' | 'time' | 'uuid' | 'tmp' | 'hex' | 'id' | 'number' | 'text';

interface Token {
  kind: TokenKind;
  value: string;
}

// One scanner for every variable part. At one position the first alternative wins.
const VARIABLE = new RegExp(
  [
    String.raw`(?<space>\s+)`,
    String.raw`(?<quoted>(?<![\w'])'[^'\n]*'(?!\w)|"[^"\n]*"|\u0060[^\u0060\n]*\u0060)`,
    String.raw`(?<time>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)`,
    `(?<uuid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})`,
    String.raw`(?<tmp>(?:/private)?(?:/tmp|/var/folders|/var/tmp)/[^\s'"()<>\[\],;]*|[A-Za-z]:\\(?:Users\\[^\\\s]+\\AppData\\Local\\Temp|Windows\\Temp)\\[^\s'"()<>]*)`,
    String.raw`(?<hex>0x[0-9a-fA-F]+|\b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{7,}\b)`,
    // Generated ids mix letters and digits: ch_3Nf8e2Lk, ord_8f3k2a, user42abc.
    String.raw`(?<id>\b(?=\w*\d)(?=\w*[A-Za-z])\w{6,}\b)`,
    String.raw`(?<number>\d+(?:[.,]\d+)*)`,
  ].join('|'),
  'g',
);

/** What each variable part becomes in the regex, and how the signature shows it. */
const PATTERN: Record<Exclude<TokenKind, 'text'>, { regex: (value: string) => string; shown: (value: string) => string }> = {
  space: { regex: (v) => (v === ' ' ? ' ' : String.raw`\s+`), shown: (v) => (v === ' ' ? ' ' : v.includes('\n') ? '\n' : '  ') },
  quoted: { regex: (v) => `${escapeRegex(v[0]!)}[^${escapeRegex(v[0]!)}\\n]*${escapeRegex(v[0]!)}`, shown: (v) => `${v[0]}…${v[0]}` },
  time: { regex: () => String.raw`\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`, shown: () => '<time>' },
  uuid: { regex: () => `[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}`, shown: () => '<uuid>' },
  tmp: { regex: () => String.raw`\S+`, shown: () => '<tmp>' },
  hex: { regex: () => `(?:0x)?[0-9a-fA-F]+`, shown: () => '<hex>' },
  // Letters and digits, at least one of each (no lookahead: RE2 has none).
  id: { regex: () => String.raw`\w*(?:[A-Za-z]\w*\d|\d\w*[A-Za-z])\w*`, shown: () => '<id>' },
  // A little wider than the token (`\d[\d.,]*`): it still matches every member, and reads better.
  number: { regex: () => String.raw`\d[\d.,]*`, shown: () => '<n>' },
};

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > last) tokens.push({ kind: 'text', value: text.slice(last, m.index) });
    const kind = (Object.keys(m.groups!) as TokenKind[]).find((k) => m.groups![k] !== undefined)!;
    tokens.push({ kind, value: m[0] });
    last = m.index + m[0].length;
  }
  if (last < text.length) tokens.push({ kind: 'text', value: text.slice(last) });
  return tokens;
}

const shownOf = (t: Token) => (t.kind === 'text' ? t.value : PATTERN[t.kind].shown(t.value));

/**
 * A token's regex. A temporary path (`\S+`) stops before the character the
 * next token starts with: `\S+\(\S+\(` would let each `\S+` take the other's
 * text, and a backtracking engine tries every split of it.
 */
const regexOf = (t: Token, next?: Token) => {
  if (t.kind === 'text') return escapeRegex(t.value);
  if (t.kind === 'tmp' && next?.kind === 'text' && !/\s/.test(next.value[0]!)) return `[^\\s${escapeClass(next.value[0]!)}]+`;
  return PATTERN[t.kind].regex(t.value);
};
const regexOfAll = (tokens: Token[]) => tokens.map((t, i) => regexOf(t, tokens[i + 1])).join('');

function escapeClass(c: string): string {
  return /[\]\\^-]/.test(c) ? `\\${c}` : c;
}

// How much of a message makes its signature: long diffs differ in their data, not their cause.
const MAX_MESSAGE_LINES = 4;
const MAX_MESSAGE_TOKENS = 80;
const TOP_FRAMES = 3;
const FRAME_LINE = /^\s*(?:at\s|File\s")/;

interface MessageShape {
  tokens: Token[];
  /** True when the message goes on after the tokens kept. */
  cut: boolean;
}

function messageShape(message: string): MessageShape {
  const all = tokenize(message);
  let lines = 1;
  let kept = 0;
  for (const t of all) {
    if (kept >= MAX_MESSAGE_TOKENS) break;
    if (t.kind === 'space' && t.value.includes('\n')) {
      lines += t.value.split('\n').length - 1;
      if (lines > MAX_MESSAGE_LINES) break;
    }
    kept++;
  }
  // Trailing white space of a cut message belongs to the rest.
  while (kept < all.length && kept > 0 && all[kept - 1]!.kind === 'space') kept--;
  return { tokens: all.slice(0, kept), cut: kept < all.length };
}

// A frame in test code: a test file (spec, test, step definitions) or a file
// under a tests folder (page objects, helpers), outside node_modules. Such
// frames differ for every test that hits the same cause.
const TEST_FILE = /[._-](?:spec|test|tests|steps)\.[cm]?[jt]sx?\b|\.feature\b|(?:^|[/\\])test_\w*\.py\b|_test\.(?:py|go)\b|Tests?\.(?:java|kt|cs|scala)\b|_spec\.rb\b/;
const TEST_FOLDER = /(?:^|[\s(/\\])(?:tests?|__tests__|specs?|e2e|cypress|playwright)[/\\]/;
const isTestCode = (line: string) => !/node_modules/.test(line) && (TEST_FILE.test(line) || TEST_FOLDER.test(line));

/**
 * The top frames above the test's own code: where the error came from in the
 * product, a library or a shared helper. An error thrown by the test code
 * itself has none, so every test that hits it groups by its message. Line and
 * column numbers stay: one place in the code, one cause.
 */
function topFrames(trace: string): Token[][] {
  const frames: Token[][] = [];
  for (const line of trace.split('\n')) {
    if (!FRAME_LINE.test(line)) continue;
    if (isTestCode(line)) break;
    frames.push(keepLocation(tokenize(line.trim())));
    if (frames.length === TOP_FRAMES) break;
  }
  return frames;
}

/** `file.js:12:5`: the numbers after a colon are a location, kept as text. */
function keepLocation(tokens: Token[]): Token[] {
  return tokens.map((t, i) => (t.kind === 'number' && tokens[i - 1]?.value.endsWith(':') ? { kind: 'text', value: t.value } : t));
}

export interface FailureSignature {
  /** The normalized message and frames; equal keys mean one group. */
  key: string;
  /** The normalized message, as people read it (`<n>`, `'…'` for the parts taken out). */
  message: string;
  frames: string[];
  messageRegex: string;
  frameRegexes: string[];
}

export function signatureOf(message: string, trace: string): FailureSignature {
  const shape = messageShape(stripAnsi(message));
  const frames = topFrames(stripAnsi(trace));
  const shownMessage = shape.tokens.map(shownOf).join('') + (shape.cut ? '…' : '');
  const shownFrames = frames.map((f) => f.map(shownOf).join(''));
  return {
    key: `${shownMessage}\n\u0000\n${shownFrames.join('\n')}`,
    message: shownMessage,
    frames: shownFrames,
    messageRegex: shape.tokens.length ? regexOfAll(shape.tokens) + (shape.cut ? '.*' : '') : '',
    frameRegexes: frames.map(regexOfAll),
  };
}

export interface SuggestedMatch {
  message?: string;
  trace?: string;
  statuses: ('failed' | 'broken')[];
  /** Groups the suggested matcher still matches a member of (empty when it is exact). */
  alsoMatches: string[];
}

export interface SignatureGroup {
  /** Stable id (hash of the signature). */
  id: string;
  signature: FailureSignature;
  /** Keys of the failures in the group, in result order. */
  results: string[];
  statuses: { failed: number; broken: number };
  suggestion: SuggestedMatch;
}

interface Member {
  result: Result;
  message: string;
  trace: string;
}

/** Groups the failures by signature, largest group first (ties by signature). */
export function groupBySignature(failures: readonly Result[]): SignatureGroup[] {
  const byKey = new Map<string, { signature: FailureSignature; members: Member[] }>();
  for (const result of failures) {
    const message = stripAnsi(result.statusDetails.message);
    const trace = stripAnsi(result.statusDetails.trace);
    const signature = signatureOf(message, trace);
    const entry = byKey.get(signature.key) ?? { signature, members: [] };
    entry.members.push({ result, message, trace });
    byKey.set(signature.key, entry);
  }
  const entries = [...byKey.values()].sort((a, b) => b.members.length - a.members.length || (a.signature.key < b.signature.key ? -1 : a.signature.key > b.signature.key ? 1 : 0));
  const ids = entries.map((e) => shortHash(e.signature.key, 10));
  const suggestions = suggestMatches(entries, ids);
  return entries.map((e, i) => ({
    id: ids[i]!,
    signature: e.signature,
    results: e.members.map((m) => m.result.key),
    statuses: {
      failed: e.members.filter((m) => m.result.status === 'failed').length,
      broken: e.members.filter((m) => m.result.status === 'broken').length,
    },
    suggestion: suggestions[i]!,
  }));
}

/** The frames somewhere in the trace, in order. */
function looseFramesRegex(frames: string[]): string {
  return `.*${frames.join('.*')}.*`;
}

// The trace regexes below say "a line that is not a frame" without lookahead
// (RE2 has none): a frame line is blank space, then `at` and a space, or
// `File`, a space and `"` (FRAME_LINE); any other line is spelled out by its
// first characters. Each alternative starts with a different character, so
// even a backtracking engine never tries two of them at one place.
const W = String.raw`[^\S\n]`;
const REST = String.raw`[^\n]*`;
const NOT_FRAME_LINE = String.raw`${W}*(?:[^\saF]${REST}|a(?:[^t\s]${REST}|t(?:\S${REST})?)?|F(?:[^i\s]${REST}|i(?:[^l\s]${REST}|l(?:[^e\s]${REST}|e(?:\S${REST}|${W}(?:[^"\n]${REST})?)?)?)?)?)?`;
/** One or more lines, none of them a frame line. */
const NO_FRAME_LINES = String.raw`${NOT_FRAME_LINE}(?:\n${NOT_FRAME_LINE})*`;
/** Where a frame line begins. */
const FRAME_OPENING = String.raw`${W}*(?:at\s|File\s")`;
// A frame in test code (TEST_FILE, TEST_FOLDER), somewhere on its line.
const TEST_CODE = String.raw`(?:[._-](?:spec|test|tests|steps)\.[cm]?[jt]sx?\b|\.feature\b|[/\\]test_\w*\.py\b|_test\.(?:py|go)\b|Tests?\.(?:java|kt|cs|scala)\b|_spec\.rb\b|[\s(/\\](?:tests?|__tests__|specs?|e2e|cypress|playwright)[/\\])`;

/** Exactly these frames are the trace's first frame lines (and, when fewer than TOP_FRAMES, its only ones). */
function exactFramesRegex(frames: string[]): string {
  const frameLine = (f: string) => `${W}*${f}${W}*`;
  // Lines before the first frame, if any: none of them a frame line.
  const head = `(?:${NO_FRAME_LINES}\\n)?`;
  const between = String.raw`(?:\n${NOT_FRAME_LINE})*\n`;
  const rest = frames.length < TOP_FRAMES ? String.raw`(?:\n${NOT_FRAME_LINE})*` : String.raw`(?:\n[\s\S]*)?`;
  return head + frames.map((f, i) => (i === 0 ? frameLine(f) : between + frameLine(f))).join('') + rest;
}

/** A trace whose first frame is in test code, or that has no frame at all: what a test that threw itself leaves. */
function testThrewRegex(): string {
  return String.raw`(?:${NO_FRAME_LINES}\n)?${FRAME_OPENING}${REST}${TEST_CODE}${REST}(?:\n[\s\S]*)?|${NO_FRAME_LINES}`;
}

interface Candidate {
  message?: WholeMatchPattern;
  trace?: WholeMatchPattern;
}

function accepts(c: Candidate, m: Member): boolean {
  if (c.message && !(m.message && c.message.test(m.message))) return false;
  if (c.trace && !(m.trace && c.trace.test(m.trace))) return false;
  return true;
}

function compiled(source: string | undefined): WholeMatchPattern | undefined {
  if (!source) return undefined;
  const c = compileWholeMatch(source);
  return c.ok ? c.pattern : undefined;
}

/**
 * A matcher per group: the message regex alone when it takes no member of
 * another group, else narrowed with the top frames (loosely, then exactly).
 * Only members whose message starts with the regex's literal prefix can
 * match it, so each candidate is checked against that slice of the members,
 * found by binary search in the members sorted by message.
 */
function suggestMatches(entries: { signature: FailureSignature; members: Member[] }[], ids: string[]): SuggestedMatch[] {
  const all = entries.flatMap((e, group) => e.members.map((member) => ({ member, group })));
  all.sort((a, b) => (a.member.message < b.member.message ? -1 : a.member.message > b.member.message ? 1 : 0));
  const startingWith = (prefix: string) => {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]!.member.message < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < all.length && all[end]!.member.message.startsWith(prefix)) end++;
    return all.slice(lo, end);
  };
  return entries.map((entry, i) => {
    const sig = entry.signature;
    const message = compiled(sig.messageRegex);
    const pool = startingWith(message?.prefix ?? '');
    const others = (c: Candidate): number[] => {
      const hits = new Set<number>();
      for (const { member, group } of pool) if (group !== i && !hits.has(group) && accepts(c, member)) hits.add(group);
      return [...hits].sort((a, b) => a - b);
    };
    const messageOnly = { ...(sig.messageRegex ? { message: sig.messageRegex } : {}) };
    const firstHits = others({ ...(message ? { message } : {}) });
    // Narrowing, from the most readable: the frames loosely, then anchored to the very
    // top frames; a group with no frames of its own (the test threw) asks for a trace
    // whose first frame is the test's own code.
    const traces = sig.frameRegexes.length ? [looseFramesRegex(sig.frameRegexes), exactFramesRegex(sig.frameRegexes)] : [testThrewRegex()];
    let chosen: { message?: string; trace?: string } = messageOnly;
    let alsoMatches = firstHits;
    for (const trace of firstHits.length ? traces : []) {
      const candidate = { ...(message ? { message } : {}), trace: compiled(trace) };
      if (!entry.members.every((m) => accepts(candidate, m))) continue;
      chosen = { ...messageOnly, trace };
      alsoMatches = others(candidate);
      if (alsoMatches.length === 0) break;
    }
    const statuses = (['failed', 'broken'] as const).filter((s) => entry.members.some((m) => m.result.status === s));
    return { ...chosen, statuses: [...statuses], alsoMatches: alsoMatches.map((g) => ids[g]!) };
  });
}
