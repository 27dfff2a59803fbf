// Untrusted text (test names, messages, file names) on one line of a terminal
// or a CI log: a newline in a test name must not start a line of its own (a
// GitHub `::error` workflow command, a forged log line), and escape sequences
// must not recolour or rewrite the terminal. Control characters are shown as
// escapes instead.

// C0 and C1 controls, DEL, line and paragraph separators, and the bidirectional
// overrides that reorder what a reader sees. A tab stays a tab.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
const UNPRINTABLE = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\x1b': '\\e' };

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
