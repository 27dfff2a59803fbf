// Where the generated content is: `casebook build` passes it to Astro's process
// as CASEBOOK_CONTENT_DIR; same default as astro.config.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const contentDir = process.env.CASEBOOK_CONTENT_DIR ?? path.join(root, '.casebook', 'content');
