import { stringify } from 'yaml';

/** A Markdown file with YAML front matter; YAML quoting keeps any string inert. */
export function markdownFile(frontmatter: object, body: string): string {
  return `---\n${stringify(frontmatter, { lineWidth: 0, aliasDuplicateObjects: false })}---\n\n${body}`;
}
