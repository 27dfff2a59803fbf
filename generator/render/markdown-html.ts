// Markdown written by people (test descriptions, case files, defect
// explanations) straight to HTML for the pages the generator renders itself.
// micromark escapes raw HTML and drops dangerous URLs (javascript:, data:, …)
// by default; we never turn either of those protections on.
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

const OPTIONS = { extensions: [gfm()], htmlExtensions: [gfmHtml()] };

export function markdownHtml(markdown: string): string {
  return markdown.trim() ? micromark(markdown, OPTIONS).trim() : '';
}
