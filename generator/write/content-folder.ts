// The writer owns its folder: it writes only below it, leaves files whose
// content did not change untouched (so Astro's cache stays warm), and
// deletes the files an earlier run wrote that this run did not.
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import { readFile, writeFile } from '../lib/file-io.ts';
import path from 'node:path';
import { parentFolderMaker, pathInside } from './folders.ts';

const MANIFEST = '.casebook-manifest.json';

/** A file to copy, or the bytes of one that came inside a report (JUnit system-out, Cucumber embeddings). */
export type FileSource = string | { content: string | Buffer };

/** How many page writes the stages keep in flight: creating small files is bound by the disk's latency (docs/decisions/file-io.md). */
export const WRITES_IN_FLIGHT = 64;

export interface ContentWriter {
  readonly dir: string;
  write(relative: string, text: string): Promise<void>;
  /** Copies a file (streamed, never loaded), or writes content that came inside a report. */
  copy(from: FileSource, relative: string): Promise<void>;
  /** Removes now the stale files that `which` selects (an earlier run wrote them, this one has not). */
  removeStale(which: (relative: string) => boolean): Promise<number>;
  /** Removes stale files, writes the manifest; returns how many files were written and removed. */
  finish(): Promise<{ files: number; changed: number; removed: number }>;
}

const inside = (dir: string, relative: string) => pathInside(dir, relative, 'the content folder');

export async function openContentWriter(dir: string): Promise<ContentWriter> {
  const root = path.resolve(dir);
  await mkdir(root, { recursive: true });
  let previous: string[] = await readFile(path.join(root, MANIFEST), 'utf8')
    .then((t) => JSON.parse(t) as string[])
    .catch(() => []);
  const known = new Set(previous);
  const written = new Set<string>();
  let changed = 0;
  let removed = 0;
  const sweep = async (which: (relative: string) => boolean) => {
    const stale = previous.filter((p) => !written.has(p) && which(p));
    await Promise.all(stale.map((p) => rm(inside(root, p), { force: true })));
    const gone = new Set(stale);
    previous = previous.filter((p) => !gone.has(p));
    removed += stale.length;
    return stale.length;
  };
  const ensureDir = parentFolderMaker();
  return {
    dir: root,
    async write(relative, text) {
      const target = inside(root, relative);
      written.add(relative);
      // Only a file an earlier run wrote can be unchanged; a new one is just written.
      const old = known.has(relative) ? await readFile(target, 'utf8').catch(() => undefined) : undefined;
      if (old === text) return;
      await ensureDir(target);
      await writeFile(target, text);
      changed++;
    },
    async copy(from, relative) {
      const target = inside(root, relative);
      if (written.has(relative)) return;
      written.add(relative);
      if (typeof from !== 'string') {
        await ensureDir(target);
        await writeFile(target, from.content);
        changed++;
        return;
      }
      const [a, b] = await Promise.all([stat(from), stat(target).catch(() => undefined)]);
      if (b && b.size === a.size && b.mtimeMs >= a.mtimeMs) return;
      await ensureDir(target);
      // copyFile streams in the kernel: attachments are never loaded into memory.
      await copyFile(from, target);
      changed++;
    },
    removeStale: sweep,
    async finish() {
      await sweep(() => true);
      const manifest = [...written].sort();
      await writeFile(path.join(root, MANIFEST), JSON.stringify(manifest, null, 0));
      return { files: written.size, changed, removed };
    },
  };
}
