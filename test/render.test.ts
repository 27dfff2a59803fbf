// Rendering: every generated page satisfies the contract the site reads,
// and untrusted text is escaped as Markdown.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import { FRAME_MARKERS, FRAME_PAGE, parseHtmlPage } from '../generator/contract/frame.ts';
import { searchPageOf } from '../generator/contract/search.ts';
import { takeFrame, writeFramedPages } from '../generator/build/frame.ts';
import { isPlainLine, markdownHtml } from '../generator/render/markdown-html.ts';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FEATURES_FILE, featureEntrySchema, pageEntrySchema, summarySchema } from '../generator/contract/collections.ts';
import { z } from 'zod';
import { defectEntrySchema, triageEntrySchema } from '../generator/contract/defects.ts';
import { loadConfig } from '../generator/config/load.ts';
import { generate } from '../generator/generate.ts';
import { safeDescription } from '../generator/render/description.ts';
import { code, paragraph, stringify, text } from '../generator/markdown/fragments.ts';
import { tempDir } from './support/site.ts';
import { remark } from 'remark';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** The node types a Markdown parser sees in `md`. */
function nodeTypes(md: string): string[] {
  const types = new Set<string>();
  visit(remark().parse(md), (node) => {
    types.add(node.type);
  });
  return [...types];
}

async function generateFixtures(overrides: Record<string, unknown> = {}) {
  const dir = await tempDir('render');
  const results = ['vitest', 'jest', 'mocha', 'cucumber'].map((a) => path.resolve('test/fixtures', a, 'allure-results'));
  const config = await loadConfig({ cwd: dir, overrides: { results, content: path.join(dir, 'content'), ...overrides } });
  return { dir, ...(await generate(config)) };
}

function frontmatter(text: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no front matter');
  return parseYaml(match[1]!);
}

describe('generated content', () => {
  it('validates against the contract schemas the site uses', async () => {
    const { contentDir, run, tree } = await generateFixtures();
    const files = await fg('**/*.md', { cwd: contentDir });
    // The feature tree is one JSON file: every node but the root, each a valid entry.
    const features = z.array(featureEntrySchema).parse(JSON.parse(await readFile(path.join(contentDir, FEATURES_FILE), 'utf8')));
    expect(features.map((f) => f.slug).sort()).toEqual(tree.nodes.filter((n) => n.level !== 'root').map((n) => n.slug).sort());
    expect(files.filter((f) => f.startsWith('features/'))).toEqual([]);
    // Test pages are HTML the build puts into the site's frame: one per result, titled by it.
    const tests = await fg('html/tests/*.html', { cwd: contentDir });
    expect(tests.length).toBe(run.results.length);
    for (const result of run.results) {
      const page = parseHtmlPage(await readFile(path.join(contentDir, 'html/tests', `${result.slug}.html`), 'utf8'));
      expect(page?.title).toBe(result.name);
      expect(page?.html).toContain('<h1 data-pagefind-meta="title">');
    }
    // Each feature node's page lists the tests directly in it, linked.
    const bySlug = new Map(run.results.map((r) => [r.key, r]));
    for (const node of tree.nodes.filter((n) => n.level !== 'root')) {
      const page = parseHtmlPage(await readFile(path.join(contentDir, 'html/features', `${node.slug}.html`), 'utf8'));
      expect(page?.navCurrent).toBe(node.slug);
      for (const key of node.results) expect(page?.html, node.slug).toContain(`href="/tests/${bySlug.get(key)!.slug}.html"`);
    }
    for (const file of files) {
      const data = frontmatter(await readFile(path.join(contentDir, file), 'utf8'));
      const schema = file.startsWith('defects/') ? defectEntrySchema : file.startsWith('triage/') ? triageEntrySchema : pageEntrySchema;
      const parsed = schema.safeParse(data);
      expect(parsed.success, `${file}: ${parsed.error?.message}`).toBe(true);
    }
    summarySchema.parse(JSON.parse(await readFile(path.join(contentDir, 'public/summary.json'), 'utf8')));
    // The features index counts in words a reader would use: "1 test", not "1 tests".
    const index = await readFile(path.join(contentDir, 'pages/features.md'), 'utf8');
    expect(tree.nodes.some((n) => n.totals.total === 1)).toBe(true);
    expect(index).toMatch(/ — 1 test · /);
    expect(index).not.toMatch(/\b1 tests\b/);
  });

  it('is byte-identical when generated twice from the same input', async () => {
    const a = await generateFixtures();
    const b = await generateFixtures();
    const files = (await fg('**/*', { cwd: a.contentDir, dot: true })).sort();
    expect((await fg('**/*', { cwd: b.contentDir, dot: true })).sort()).toEqual(files);
    for (const file of files) {
      expect(await readFile(path.join(b.contentDir, file)), file).toEqual(await readFile(path.join(a.contentDir, file)));
    }
  });

  it('removes the pages of tests that left the run, and only those', async () => {
    const dir = await tempDir('stale');
    const content = path.join(dir, 'content');
    const all = await loadConfig({ cwd: dir, overrides: { results: ['jest', 'mocha'].map((a) => path.resolve('test/fixtures', a, 'allure-results')), content } });
    const first = await generate(all);
    const jestOnly = await generate({ ...all, results: [all.results[0]!] });
    const pages = await fg('html/tests/*.html', { cwd: content });
    expect(pages.length).toBe(jestOnly.run.results.length);
    expect(pages.length).toBeLessThan(first.run.results.length);
  });

  it('uses the user template when one is given', async () => {
    const dir = await tempDir('templates');
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'tpl'));
    // A flag the helper does not know (even one every object inherits) draws nothing.
    await writeFile(path.join(dir, 'tpl/test.html.hbs'), '<p>CUSTOM {{title}}</p>{{flagBadge "constructor"}}{{flagBadge "nope"}}{{flagBadge "flaky" "sm"}}{{> steps steps}}\n');
    const { contentDir, run } = await generateFixtures({ templates: path.join(dir, 'tpl') });
    const result = run.results.find((r) => r.steps.length > 0)!;
    const page = await readFile(path.join(contentDir, 'html/tests', `${result.slug}.html`), 'utf8');
    expect(page).toContain(`<p>CUSTOM ${result.name}</p><span class="badge flag-flaky badge-sm" title="Passed and failed within recent attempts or runs">Flaky</span><ul><li>`);
    expect(page).not.toContain('id="details"');
  });

  it('leaves an {{#unindexed}} block out of the search page, unless it holds something Pagefind reads even when ignored', async () => {
    const dir = await tempDir('unindexed');
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'tpl'));
    await writeFile(
      path.join(dir, 'tpl/test.html.hbs'),
      '<h1>{{title}}</h1><div data-pagefind-ignore>{{#unindexed}}<p>shown only {{fullName}}</p>{{/unindexed}}</div>' +
        '<div data-pagefind-ignore>{{#unindexed}}<span data-pagefind-filter="status">{{status}}</span>{{/unindexed}}</div>\n',
    );
    const { contentDir, run } = await generateFixtures({ templates: path.join(dir, 'tpl') });
    const result = run.results[0]!;
    const page = parseHtmlPage(await readFile(path.join(contentDir, 'html/tests', `${result.slug}.html`), 'utf8'))!;
    // On the page, both blocks are shown.
    expect(page.html).toContain('<p>shown only ');
    expect(page.html).toContain(`<span data-pagefind-filter="status">${result.status}</span>`);
    const searchPage = searchPageOf(page.html);
    expect(searchPage).not.toContain('shown only');
    expect(searchPage).toContain(`<div data-pagefind-ignore><span data-pagefind-filter="status">${result.status}</span></div>`);
    expect(searchPage).toMatch(/^<!doctype html><html lang="en">.*<main data-pagefind-body><h1>/s);
  });

  it('warns about a Markdown template of a page that is HTML now', async () => {
    const dir = await tempDir('old-templates');
    const { writeFile, mkdir } = await import('node:fs/promises');
    await mkdir(path.join(dir, 'tpl'));
    await writeFile(path.join(dir, 'tpl/test.md.hbs'), 'OLD {{title}}\n');
    const { diagnostics } = await generateFixtures({ templates: path.join(dir, 'tpl') });
    const warning = diagnostics.find((d) => d.code === 'template/obsolete');
    expect(warning).toMatchObject({ severity: 'warning', file: path.join(dir, 'tpl/test.md.hbs') });
    expect(warning?.message).toContain('test.html.hbs');
  });
});

describe('Markdown escaping', () => {
  it('renders Markdown written by people to HTML with its raw HTML shown as text and unsafe links dropped', () => {
    const html = markdownHtml('# Title\n\n<div onclick="x()">hi</div> <img src=x onerror=alert(1)>\n\n[ok](https://a.example) [bad](javascript:alert(1)) ![i](data:image/png;base64,xx)\n\n| a |\n|---|\n| b |');
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('&lt;div onclick=&quot;x()&quot;&gt;hi&lt;/div&gt;');
    expect(html).not.toMatch(/<(div|img src=x)/);
    expect(html).toContain('<a href="https://a.example">ok</a>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('data:image');
    expect(html).toContain('<td>b</td>');
  });
  it('turns markup in text into literal characters', () => {
    const hostile = '<script>x</script> [a](javascript:y) *b* # c';
    const md = stringify([paragraph(text(hostile))]);
    expect(nodeTypes(md)).toEqual(['root', 'paragraph', 'text']);
    expect(textOf(remark().parse(md))).toBe(hostile);
  });
  it('fences code longer than any backtick run inside it', () => {
    const md = stringify([code('before\n```\n<b>x</b>\n````\nafter')]);
    expect(md.startsWith('`````')).toBe(true);
  });
  it('keeps description Markdown but not its HTML or unsafe links', () => {
    const md = safeDescription('# Title\n\n<div onclick="x()">hi</div>\n\n[ok](https://a.example) [bad](javascript:alert(1)) ![i](data:image/png;base64,xx)');
    expect(md).toContain('# Title');
    expect(md).toContain('[ok](https://a.example)');
    expect(nodeTypes(md)).not.toContain('html');
    expect(md).toContain('hi');
    expect(md).not.toContain('javascript:');
    expect(md).not.toContain('data:image');
  });
});

describe('Markdown to HTML', () => {
  it('renders plain one-line text exactly as micromark does, without calling it', async () => {
    const { micromark } = await import('micromark');
    const { gfm, gfmHtml } = await import('micromark-extension-gfm');
    const words = ['Open', 'the', 'cart', '1.', '2.5', 'www', 'example.com', '7)', '"Groceries"', "O'Brien", '42', '3.5', 'éclair', '数据', 'a,b;c', '100%', 'x=1', 'well-known', 'ok?', '2024'];
    let seed = 7;
    const pick = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return words[seed % words.length]!;
    };
    let plain = 0;
    for (let i = 0; i < 2000; i++) {
      const line = Array.from({ length: 1 + (i % 7) }, pick).join(' ');
      if (isPlainLine(line)) plain++;
      expect(markdownHtml(line), line).toBe(micromark(line, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }).trim());
    }
    expect(plain).toBeGreaterThan(1000);
  });
  it('leaves anything that could be Markdown to micromark', () => {
    for (const line of ['1. first', '2) second', '- item', '# title', 'a *b*', 'see www.example.com', 'x & y', 'a <b>', 'http://x.test', 'a_b_', '~~s~~', '`c`', 'line\nbreak', '---', '> quote', 'a | b']) {
      expect(isPlainLine(line), line).toBe(false);
    }
  });
});

describe('the page frame', () => {
  const frameHtml = (markers: string[]) =>
    `<!doctype html><html><head><title>${markers[0]} · Run</title></head><body><nav data-nav-open="${markers[1]}" data-nav-current="${markers[2]}"></nav><main>${markers[3]}</main></body></html>`;

  it('puts pages that waited in the content folder into the frame, title and nav escaped', async () => {
    const { contentDir, run } = await generateFixtures();
    const out = await tempDir('frame-out');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(path.join(out, path.dirname(FRAME_PAGE)), { recursive: true });
    await writeFile(path.join(out, FRAME_PAGE), frameHtml([FRAME_MARKERS.title, FRAME_MARKERS.navOpen, FRAME_MARKERS.navCurrent, FRAME_MARKERS.main]));
    const frame = await takeFrame(out);
    await expect(readFile(path.join(out, FRAME_PAGE))).rejects.toThrow(); // not published
    const written = await writeFramedPages(contentDir, out, frame);
    expect(written).toBe((await fg('html/**/*.html', { cwd: contentDir })).length);
    const result = run.results[0]!;
    const page = await readFile(path.join(out, 'tests', `${result.slug}.html`), 'utf8');
    const fragment = parseHtmlPage(await readFile(path.join(contentDir, 'html/tests', `${result.slug}.html`), 'utf8'))!;
    expect(page.startsWith('<!doctype html><html><head><title>')).toBe(true);
    expect(page).toContain(`<main>${fragment.html}</main>`);
    expect(page).toContain(`data-nav-open="${fragment.navOpen.join(' ')}"`);
    const hostile = frame.fill({ title: '</title><script>x()</script>', navOpen: ['a"b'], navCurrent: '<c>', html: '<p>ok</p>' });
    expect(hostile).toContain('<title>&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt; · Run</title>');
    expect(hostile).toContain('data-nav-open="a&quot;b" data-nav-current="&lt;c&gt;"');
  });

  it('refuses a frame that lacks a marker or holds one twice', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    for (const markers of [
      [FRAME_MARKERS.title, FRAME_MARKERS.navOpen, FRAME_MARKERS.navCurrent, ''],
      [FRAME_MARKERS.title, FRAME_MARKERS.title, FRAME_MARKERS.navCurrent, FRAME_MARKERS.main],
    ]) {
      const out = await tempDir('frame-bad');
      await mkdir(path.join(out, path.dirname(FRAME_PAGE)), { recursive: true });
      await writeFile(path.join(out, FRAME_PAGE), frameHtml(markers));
      await expect(takeFrame(out)).rejects.toThrow(/must hold .* exactly once/);
    }
  });
});
