// Puts the pages the generator rendered as HTML (tests, cases) into the page
// frame Astro built, so they share the site's header, nav, styles and scripts
// without Astro rendering each of them.
import { copyFile, readdir, rm } from 'node:fs/promises';
import { readFile, textFileWriter, writeFile } from '../lib/file-io.ts';
import path from 'node:path';
import { FRAME_MARKERS, FRAME_PAGE, HTML_PAGES_DIR, parseHtmlPage, type HtmlPage } from '../contract/frame.ts';
import { CasebookError } from '../diagnostics/diagnostic.ts';
import { escapeHtml } from '../contract/view/markup.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import { WRITES_IN_FLIGHT, type FileSource } from '../write/content-folder.ts';
import { parentFolderMaker, pathInside } from '../write/folders.ts';

export interface Frame {
  fill(page: HtmlPage): string;
  /** Makes sure a page's folder exists in the site (each folder once per build). */
  makeFolderOf(file: string): Promise<void>;
  /** Writes a page of the site. */
  write(file: string, text: string): Promise<void>;
}

/** Reads the frame page out of the built site (and removes it from there: it is not a page to publish). */
export async function takeFrame(outDir: string): Promise<Frame> {
  const file = path.join(outDir, FRAME_PAGE);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new CasebookError(`the Astro build wrote no page frame at ${file}; is src/pages/casebook-frame.astro missing?`);
  });
  await rm(path.dirname(file), { recursive: true, force: true });
  const parts: string[] = [];
  let rest = text;
  for (const marker of [FRAME_MARKERS.title, FRAME_MARKERS.navOpen, FRAME_MARKERS.navCurrent, FRAME_MARKERS.main]) {
    const [before, ...after] = rest.split(marker);
    if (after.length !== 1) throw new CasebookError(`the page frame ${file} must hold ${marker} exactly once (found ${after.length})`);
    parts.push(before!);
    rest = after[0]!;
  }
  parts.push(rest);
  const [head, beforeOpen, beforeCurrent, beforeMain, tail] = parts as [string, string, string, string, string];
  // A page left out of the search index: its <main> without data-pagefind-body.
  const beforeUnindexedMain = beforeMain.replace(/ data-pagefind-body(="")?/, '');
  return {
    makeFolderOf: parentFolderMaker(),
    write: textFileWriter(),
    fill: (page) =>
      head +
      escapeHtml(page.title) +
      beforeOpen +
      escapeHtml(page.navOpen.join(' ')) +
      beforeCurrent +
      escapeHtml(page.navCurrent ?? '') +
      (page.indexed === false ? beforeUnindexedMain : beforeMain) +
      page.html +
      tail,
  };
}

/** A page to `<where>.html` in the site (`where` as `tests/<slug>`; see testHref). */
export async function writeFramedPage(outDir: string, where: string, page: HtmlPage, frame: Frame): Promise<void> {
  const target = pathInside(path.resolve(outDir), `${where}.html`, 'the site');
  await frame.makeFolderOf(target);
  await frame.write(target, frame.fill(page));
}

/** `html/tests/a.html` in the content folder → `tests/a.html` in the site. Returns how many pages were written. */
export async function writeFramedPages(contentDir: string, outDir: string, frame: Frame): Promise<number> {
  const root = path.join(contentDir, HTML_PAGES_DIR);
  const sections = await readdir(root, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const section of sections) {
    if (!section.isDirectory()) continue;
    const entries = await readdir(path.join(root, section.name), { recursive: true });
    for (const entry of entries) if (entry.endsWith('.html')) files.push(path.join(section.name, entry));
  }
  await mapConcurrent(files.sort(), WRITES_IN_FLIGHT, async (relative) => {
    const page = parseHtmlPage(await readFile(path.join(root, relative), 'utf8'));
    if (!page) throw new CasebookError(`${path.join(root, relative)} is not a page written by casebook generate`);
    await writeFramedPage(outDir, relative.replace(/\.html$/, ''), page, frame);
  });
  return files.length;
}

/**
 * Copies files (attachments) straight into the site, each once (`where`: its
 * path in the site); copyFile streams, so none is loaded into memory.
 */
export function siteFileCopier(outDir: string): (from: FileSource, where: string) => Promise<void> {
  const site = path.resolve(outDir);
  const copied = new Set<string>();
  const makeFolderOf = parentFolderMaker();
  return async (from, where) => {
    if (copied.has(where)) return;
    copied.add(where);
    const target = pathInside(site, where, 'the site');
    await makeFolderOf(target);
    if (typeof from === 'string') await copyFile(from, target);
    else await writeFile(target, from.content);
  };
}
