// The generated content folder, read through typed collections. The schemas are
// the generator's contract, so a page that does not match fails the build.
// (The feature tree is one JSON file, read by src/lib/site-data.ts.)
import { defineCollection } from 'astro:content';
import { triageEntrySchema } from '../generator/contract/defects.ts';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { pageEntrySchema } from '../generator/contract/collections.ts';
import { contentDir } from './lib/content-dir.ts';

/** The id of an entry is its front matter `slug`; the file path only as a fallback. */
function slugId({ entry, data }: { entry: string; data: Record<string, unknown> }): string {
  return typeof data.slug === 'string' && data.slug !== '' ? data.slug : entry.replace(/\.md$/, '');
}

const loader = (folder: string) => glob({ base: path.join(contentDir, folder), pattern: '**/*.md', generateId: slugId });

export const collections = {
  pages: defineCollection({ loader: loader('pages'), schema: pageEntrySchema }),
  triage: defineCollection({ loader: loader('triage'), schema: triageEntrySchema }),
};
