// The search pages of a build (see contract/search.ts), in the content folder.
// Written over the previous build's in place, and the ones this build did not
// write removed at the end: deleting the whole folder and writing it anew made
// a rebuild at 10,000 results slower than a cold build (11,000 deletions, then
// as many new files, beside the rendering).
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HtmlPage } from '../contract/frame.ts';
import { SEARCH_PAGES_DIR, searchPageOf } from '../contract/search.ts';
import { textFileWriter } from '../file-io.ts';
import { mapConcurrent } from '../read/map-concurrent.ts';
import { WRITES_IN_FLIGHT } from '../write/content-folder.ts';
import { parentFolderMaker, pathInside } from '../write/folders.ts';

export interface SearchPages {
  dir: string;
  /** The search page of a page the generator rendered (`where`: `tests/<slug>`, …). */
  write(where: string, page: HtmlPage): Promise<void>;
  /** Removes the files this build did not write; returns how many. */
  removeStale(): Promise<number>;
}

export function searchPagesIn(contentDir: string): SearchPages {
  const dir = path.join(path.resolve(contentDir), SEARCH_PAGES_DIR);
  const makeFolderOf = parentFolderMaker();
  const writeText = textFileWriter();
  const written = new Set<string>();
  return {
    dir,
    async write(where, page) {
      const file = pathInside(dir, `${where}.html`, 'the search pages folder');
      written.add(file);
      await makeFolderOf(file);
      await writeText(file, searchPageOf(page.html));
    },
    async removeStale() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
      const stale = entries.filter((e) => !e.isDirectory()).map((e) => path.join(e.parentPath, e.name)).filter((file) => !written.has(file));
      await mapConcurrent(stale, WRITES_IN_FLIGHT, (file) => rm(file, { force: true }));
      return stale.length;
    },
  };
}
