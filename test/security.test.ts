// Hostile input must never become markup or script on the site, and bad files
// must be reported, not dropped and not fatal.
import { access, readFile } from 'node:fs/promises';
import { siteFileCopier } from '../generator/build/frame.ts';
import { openContentWriter } from '../generator/write/content-folder.ts';
import path from 'node:path';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, writeHostileResults } from './support/hostile-results.ts';
import { buildSite, readPages, tempDir } from './support/site.ts';

let site: Awaited<ReturnType<typeof buildSite>>;
let pages: Map<string, string>;
let hostilePage: string;

beforeAll(async () => {
  const dir = await tempDir('hostile');
  const results = await writeHostileResults(dir);
  site = await buildSite([results]);
  pages = await readPages(site.outDir);
  const slug = site.run.results.find((r) => r.name === HOSTILE.name)!.slug;
  hostilePage = pages.get(`tests/${slug}.html`)!;
});

function elements(html: string): Element[] {
  return DomUtils.findAll(() => true, parseDocument(html).children);
}

describe('hostile text on the built site', () => {
  it('builds a page for the hostile test', () => {
    expect(hostilePage).toBeDefined();
  });

  it('has no element carrying an event-handler attribute', () => {
    for (const [file, html] of pages) {
      for (const el of elements(html)) {
        const handlers = Object.keys(el.attribs).filter((a) => a.toLowerCase().startsWith('on'));
        expect(handlers, `${file} <${el.name}>`).toEqual([]);
      }
    }
  });

  it('has no javascript: or data: URL in any link, image or frame', () => {
    for (const [file, html] of pages) {
      // <link rel="icon" href="data:,"> is the site's own empty favicon; content elements are checked.
      for (const el of elements(html).filter((e) => e.name !== 'link')) {
        for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
          const value = el.attribs[attr];
          if (value !== undefined) expect(value.trim().toLowerCase(), `${file} <${el.name} ${attr}>`).not.toMatch(/^(javascript|data|vbscript):/);
        }
      }
    }
  });

  it('runs no script that test data wrote', () => {
    for (const [file, html] of pages) {
      for (const el of elements(html).filter((e) => e.name === 'script')) {
        expect(DomUtils.textContent(el), file).not.toMatch(/alert\(/);
      }
    }
  });

  it('shows the hostile strings as visible text, not lost', () => {
    const text = DomUtils.textContent(parseDocument(hostilePage).children);
    expect(text).toContain('<script>alert("name")</script>');
    expect(text).toContain('<script>alert("message")</script>');
    expect(text).toContain('</code></pre><script>alert("trace")</script>');
    expect(text).toContain(HOSTILE.parameterValue);
    expect(text).toContain(HOSTILE.owner);
  });

  it('keeps the safe parts of descriptionHtml and drops the rest', () => {
    expect(hostilePage).toContain('<b>bold</b>');
    expect(hostilePage).toContain('href="https://example.org/good"');
    expect(hostilePage).not.toContain('alert(8)');
    expect(hostilePage).not.toContain('alert(9)');
  });

  it('keeps only http(s) result links', () => {
    expect(hostilePage).toContain('href="https://example.org/issue/1"');
    expect(hostilePage).not.toContain('alert(14)');
  });

  it('shows HTML attachments only in a sandboxed frame without scripts, never served as a page', async () => {
    const frames = elements(hostilePage).filter((e) => e.name === 'iframe');
    expect(frames.length).toBe(1);
    const frame = frames[0]!;
    expect(frame.attribs.sandbox).toBe('');
    expect(frame.attribs.srcdoc).toContain('<h1>report</h1>');
    const served = site.run.results.flatMap((r) => r.attachments).find((a) => a.source === 'hostile-attachment.html')!;
    expect(served.href.endsWith('.html.txt')).toBe(true);
    expect(await readFile(path.join(site.outDir, served.href), 'utf8')).toBe(HOSTILE.htmlAttachment);
  });

  it('never shows masked or hidden parameter values', () => {
    for (const html of pages.values()) {
      expect(html).not.toContain('hunter2-secret');
      expect(html).not.toContain('hidden-token-value');
    }
    expect(hostilePage).toContain('******');
  });

  it('drops a javascript: CI build link', () => {
    const overview = pages.get('index.html')!;
    expect(overview).not.toContain('alert(16)');
  });
});

describe('bad input is reported and loses nothing else', () => {
  const reasonFor = (file: string) => site.summary.rejected.filter((r) => r.file.endsWith(file)).map((r) => r.reason);

  it('builds the valid results', () => {
    // A result with no name is a test all the same (issue 14): counted, with a placeholder name and a warning.
    expect(site.summary.run.total).toBe(4);
    expect(site.run.results.map((r) => r.name).sort()).toEqual(['(unnamed test)', 'a calm test', 'odd status', HOSTILE.name].sort());
    expect(site.summary.diagnostics.find((d) => d.file?.endsWith('no-name-result.json'))).toMatchObject({ severity: 'warning', code: 'result/missing-name' });
  });

  it('rejects malformed, truncated, empty and incomplete result files with a reason', () => {
    expect(reasonFor('broken-json-result.json')[0]).toMatch(/not valid JSON/);
    expect(reasonFor('empty-result.json')[0]).toMatch(/empty/);
    expect(reasonFor('no-name-result.json')).toEqual([]);
    expect(reasonFor('array-result.json')[0]).toMatch(/JSON object/);
    expect(reasonFor('garbage-container.json')[0]).toMatch(/not valid JSON/);
    expect(reasonFor('folder-result.json')[0]).toMatch(/cannot read file: it is a folder, not a regular file/);
  });

  it('refuses attachments outside the results folder, through links, or missing', () => {
    const reasons = reasonFor('a1-result.json').join('\n');
    expect(reasons).toMatch(/"escape" has source "..\/..\/..\/..\/etc\/passwd"/);
    expect(reasons).toMatch(/"absolute" has source "\/etc\/passwd"/);
    expect(reasons).toMatch(/"linked": link-out.txt is a link that leads out of the results folder/);
    expect(reasons).toMatch(/"missing": file does-not-exist.txt is missing/);
    for (const file of pages.keys()) expect(file).not.toMatch(/passwd|secret/);
  });

  it('counts an unknown status as unknown, with a warning', () => {
    expect(site.summary.run.unknown).toBe(1);
    expect(site.summary.diagnostics.some((d) => d.code === 'result/unknown-status')).toBe(true);
  });

  it('lists every rejection on the site page', () => {
    const page = DomUtils.textContent(parseDocument(pages.get('rejected/index.html')!).children);
    for (const r of site.summary.rejected) expect(page).toContain(r.file);
  });

  it('writes summary.json with the rejections', async () => {
    const summary = JSON.parse(await readFile(path.join(site.outDir, 'summary.json'), 'utf8'));
    expect(summary.rejected.length).toBe(site.summary.rejected.length);
    expect(summary.rejected.length).toBeGreaterThanOrEqual(9);
  });
});

describe('writing the site', () => {
  it('refuses a file whose path would leave the site or the content folder', async () => {
    const dir = await tempDir('escape');
    const copy = siteFileCopier(path.join(dir, 'site'));
    await expect(copy(path.resolve('package.json'), '../escaped.json')).rejects.toThrow(/refusing to write \.\.\/escaped\.json: it is outside the site/);
    const writer = await openContentWriter(path.join(dir, 'content'));
    await expect(writer.write('../escaped.md', 'x')).rejects.toThrow(/refusing to write \.\.\/escaped\.md: it is outside the content folder/);
    await expect(access(path.join(dir, 'escaped.json'))).rejects.toThrow();
    await expect(access(path.join(dir, 'escaped.md'))).rejects.toThrow();
  });
});
