// Markdown fragments built as mdast trees and serialized by
// mdast-util-to-markdown, which escapes text for us: untrusted strings only
// ever become text, inline code or code nodes, never raw Markdown or HTML.
import type { BlockContent, Code, List, ListItem, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';

const OPTIONS = { extensions: [gfmToMarkdown()], bullet: '-' as const, fences: true, rule: '-' as const };

export function stringify(nodes: RootContent[]): string {
  if (nodes.length === 0) return '';
  const root: Root = { type: 'root', children: nodes };
  return toMarkdown(root, OPTIONS).trimEnd();
}

export const text = (value: string): PhrasingContent => ({ type: 'text', value });
export const strong = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'strong', children });
export const emphasis = (...children: PhrasingContent[]): PhrasingContent => ({ type: 'emphasis', children });
export const inlineCode = (value: string): PhrasingContent => ({ type: 'inlineCode', value: value.replace(/\s*\n\s*/g, ' ') });
export const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });

/** A link only when the URL is safe; otherwise just its text. */
export function link(url: string, ...children: PhrasingContent[]): PhrasingContent {
  return safeUrl(url) ? { type: 'link', url, children } : { type: 'emphasis', children };
}

export function image(url: string, alt: string): PhrasingContent {
  return { type: 'image', url, alt };
}

/** http(s) URLs and site-relative paths are allowed; `javascript:`, `data:` and friends are not. */
export function safeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      new URL(trimmed);
      return true;
    } catch {
      return false;
    }
  }
  return /^\/(?!\/)/.test(trimmed) && !/[\s\\]/.test(trimmed);
}

export function code(value: string, lang = 'text'): Code {
  return { type: 'code', lang, value: value.replace(/\s+$/, '') };
}

/** Inline text of one line: table cells and list items must not break. */
export function oneLine(value: string): string {
  return value.replace(/\s*\r?\n\s*/g, ' ').trim();
}

export function table(headers: string[], rows: PhrasingContent[][]): Table {
  const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
  return {
    type: 'table',
    align: headers.map(() => null),
    children: [
      { type: 'tableRow', children: headers.map((h) => cell([text(h)])) },
      ...rows.map((row) => ({ type: 'tableRow' as const, children: row.map((c) => cell([c])) })),
    ],
  };
}

export function list(items: ListItem[], ordered = false): List {
  return { type: 'list', ordered, spread: false, children: items };
}

export function listItem(children: BlockContent[]): ListItem {
  return { type: 'listItem', spread: false, children };
}

export function heading(depth: 2 | 3 | 4, value: string): RootContent {
  return { type: 'heading', depth, children: [text(value)] };
}
