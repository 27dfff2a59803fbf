// The site is built by `casebook build`, which passes where the generated
// content lives and where the site goes through CASEBOOK_* environment variables.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const contentDir = process.env.CASEBOOK_CONTENT_DIR ?? path.join(root, '.casebook', 'content');

export default defineConfig({
  root,
  srcDir: path.join(root, 'src'),
  publicDir: path.join(contentDir, 'public'),
  outDir: process.env.CASEBOOK_OUT_DIR ?? path.join(root, 'dist'),
  cacheDir: process.env.CASEBOOK_CACHE_DIR ?? path.join(contentDir, '..', '.astro-cache'),
  site: process.env.CASEBOOK_SITE || undefined,
  base: process.env.CASEBOOK_BASE || '/',
  trailingSlash: 'ignore',
  // One cached stylesheet instead of the same CSS inlined into every page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [mdx()],
  // Test names and messages stay literal: no curly quotes or dashes. The
  // generator already puts the base path into links it writes in Markdown.
  markdown: { syntaxHighlight: false, processor: satteri({ features: { smartPunctuation: false } }) },
  // The site script is a file of its own (cached once), not inlined into every page.
  vite: { build: { assetsInlineLimit: 0 } },
  telemetry: false,
  devToolbar: { enabled: false },
});
