// Front matter must read back exactly, with Astro's YAML reader and ours.
import { load } from 'js-yaml';
import { parse } from 'yaml';
import { expect, it } from 'vitest';
import { markdownFile } from '../generator/render/frontmatter.ts';

const HOSTILE_STRINGS = [
  'plain',
  'line one\n---\nline three',
  '--- at the start',
  'tab\tand "quotes" and \\ backslash',
  'yaml: looks [like] {a map} # not a comment',
  'NEL\u0085 LS\u2028 PS\u2029 BOM\ufeff DEL\u007f C1\u0090',
  'emoji 😀 and accents é',
  'lone surrogate \ud800 here',
  '\u0000 nul and \u001b[31m ANSI',
];

it('reads back every string exactly, with js-yaml (Astro) and yaml', () => {
  const data = { kind: 'test', values: HOSTILE_STRINGS, nested: { n: 1, b: true, list: [] } };
  const text = markdownFile(data, 'body\n');
  const block = /^---\n([\s\S]*?)\n---\n/.exec(text)![1]!;
  // Astro finds the block with this expression: the first line that is exactly ---.
  expect(/(?:^\uFEFF?|^\s*\n)(?:---)([\s\S]*?\n)(?:---)/.exec(text)![1]!.trim()).toBe(block.trim());
  const expected = { ...data, values: HOSTILE_STRINGS.map((s) => s.replace('\ud800', '\ufffd')) };
  for (const read of [load(block), parse(block)]) {
    const got = read as typeof data;
    expect({ ...got, values: got.values.map((s) => s.replace('\ud800', '\ufffd')) }).toEqual(expected);
  }
});
