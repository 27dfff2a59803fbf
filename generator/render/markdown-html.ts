// Markdown written by people (test descriptions, case files, defect
// explanations) straight to HTML for the pages the generator renders itself.
// micromark escapes raw HTML and drops dangerous URLs (javascript:, data:, …)
// by default; we never turn either of those protections on.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const OPTIONS = { extensions: [gfm()], htmlExtensions: [gfmHtml()] };

// Most fragments (a step, an expected result, a one-line description) are one
// plain sentence, and micromark costs ~75 µs a call whatever the input. A line
// of letters, digits, spaces and this punctuation cannot start or hold any
// Markdown or GFM construct (no markers, emphasis, code, links, autolinks,
// entities or HTML; a leading `1.` list marker and a bare `www.` link are
// checked apart), so micromark would wrap it in <p> and escape only `"`.
// A test compares this path with micromark's own output.
const PLAIN_LINE = /^[\p{L}\p{N}][\p{L}\p{N} ,.;'"?%=-]*$/u;
const LIST_START = /^\p{N}{1,9}[.)](\s|$)/u;
// GFM links a bare www.… even without a scheme.
const WWW = /www\./i;

export function isPlainLine(text: string): boolean {
  return PLAIN_LINE.test(text) && !LIST_START.test(text) && !WWW.test(text);
}

export function markdownHtml(markdown: string): string {
  const text = markdown.trim();
  if (!text) return '';
  if (isPlainLine(text)) return `<p>${text.replaceAll('"', '&quot;')}</p>`;
  return micromark(markdown, OPTIONS).trim();
}
