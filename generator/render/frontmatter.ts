// Front matter is written as JSON, which every YAML 1.2 parser (js-yaml in
// Astro, `yaml` in our tests) reads as a flow mapping. It is several times
// faster to write than block YAML at 10,000 pages, and every string is
// double-quoted and escaped on one line, so no value can end the block early.

/** Characters some YAML readers treat as line breaks or refuse raw: written as escapes. */
const YAML_UNSAFE = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

export function frontmatterText(frontmatter: object): string {
  return JSON.stringify(frontmatter, null, 1).replace(YAML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A Markdown file with front matter. */
export function markdownFile(frontmatter: object, body: string): string {
  return `---\n${frontmatterText(frontmatter)}\n---\n\n${body}`;
}
