// A result's `description` is Markdown written in test code: kept as Markdown,
// but raw HTML becomes visible text and unsafe links lose their URL.
import type { Root } from 'mdast';
import { remark } from 'remark';
import remarkGfm from 'remark-gfm';
import { visit, SKIP } from 'unist-util-visit';
import { safeUrl } from '../markdown/fragments.ts';

function neutralize() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'html' && parent && index !== undefined) {
        // A block of HTML becomes a paragraph of text, so it stays a block of its own.
        const textNode = { type: 'text', value: node.value };
        const block = parent.type === 'root' || parent.type === 'listItem' || parent.type === 'blockquote';
        parent.children.splice(index, 1, (block ? { type: 'paragraph', children: [textNode] } : textNode) as never);
        return SKIP;
      }
      if (node.type === 'link' && parent && index !== undefined && !safeUrl(node.url)) {
        parent.children.splice(index, 1, ...(node.children as never[]));
        return [SKIP, index];
      }
      if (node.type === 'definition' && !safeUrl(node.url)) node.url = '#';
      if (node.type === 'image' && parent && index !== undefined && !safeUrl(node.url)) {
        parent.children.splice(index, 1, { type: 'text', value: node.alt ?? '' } as never);
        return SKIP;
      }
      return undefined;
    });
  };
}

const processor = remark().use(remarkGfm).use(neutralize).data('settings', { bullet: '-', fences: true });

export function safeDescription(markdown: string): string {
  if (!markdown.trim()) return '';
  return String(processor.processSync(markdown)).trimEnd();
}
