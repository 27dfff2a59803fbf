// The search pages of a build (see contract/search.ts), in the content folder.
// A page the previous build left with the same text is kept as it is, one
// with other text is written over, and the ones this build did not write are
// removed at the end: faster than writing them anew (docs/decisions/content-layout.md).
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HtmlPage } from '../contract/frame.ts';
import { SEARCH_PAGES_DIR, searchPageOf } from '../contract/search.ts';
import { textFileReader, textFileWriter } from '../lib/file-io.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import { WRITES_IN_FLIGHT } from '../write/content-folder.ts';
import { parentFolderMaker, pathInside } from '../write/folders.ts';

export interface SearchPages {
  dir: string;
  /** The search page of a page the generator rendered (`where`: `tests/<slug>`, …). */
  write(where: string, page: HtmlPage): Promise<void>;
  /** Removes the files this build did not write. */
  removeStale(): Promise<void>;
}

/** The previous build's search pages (absolute paths); none when there is no folder yet. */
async function filesIn(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return new Set(entries.filter((e) => !e.isDirectory()).map((e) => path.join(e.parentPath, e.name)));
}

export async function searchPagesIn(contentDir: string): Promise<SearchPages> {
  const dir = path.join(path.resolve(contentDir), SEARCH_PAGES_DIR);
  const previous = await filesIn(dir);
  const makeFolderOf = parentFolderMaker();
  const readText = textFileReader();
  const writeText = textFileWriter();
  return {
    dir,
    async write(where, page) {
      const file = pathInside(dir, `${where}.html`, 'the search pages folder');
      const text = searchPageOf(page.html);
      // Written by the last build, so likely still in the page cache.
      if (previous.delete(file) && (await readText(file).catch(() => undefined)) === text) return;
      await makeFolderOf(file);
      await writeText(file, text);
    },
    async removeStale() {
      const stale = [...previous];
      previous.clear();
      await mapConcurrent(stale, WRITES_IN_FLIGHT, (file) => rm(file, { force: true }));
    },
  };
}
