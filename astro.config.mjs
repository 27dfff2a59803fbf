// The site's Astro configuration, for a given content folder and site folder.
// `casebook build` passes its options to siteConfig() in Astro's process
// (generator/build/astro-child.mjs); this file's default export, with the
// default folders, is for running Astro by hand (`astro dev` on a content
// folder that `casebook generate` wrote).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_CONTENT = path.join(root, '.casebook', 'content');

/**
 * @param {{ contentDir?: string, outDir?: string, cacheDir?: string, site?: string, base?: string }} options
 * @returns {import('astro').AstroUserConfig}
 */
export function siteConfig({ contentDir = DEFAULT_CONTENT, outDir = path.join(root, 'dist'), cacheDir = path.join(contentDir, '..', '.astro-cache'), site, base = '/' } = {}) {
  return {
    root,
    srcDir: path.join(root, 'src'),
    publicDir: path.join(contentDir, 'public'),
    outDir,
    cacheDir,
    site: site || undefined,
    base,
    trailingSlash: 'ignore',
    // One cached stylesheet instead of the same CSS inlined into every page.
    build: { format: 'directory', inlineStylesheets: 'never' },
    integrations: [mdx()],
    // Test names and messages stay literal: no curly quotes or dashes. The
    // generator already puts the base path into links it writes in Markdown.
    markdown: { syntaxHighlight: false, processor: satteri({ features: { smartPunctuation: false } }) },
    vite: {
      // Where the site's modules read the content from (src/lib/content-dir.ts).
      define: { 'import.meta.env.CASEBOOK_CONTENT_DIR': JSON.stringify(contentDir) },
      // The site script is a file of its own (cached once), not inlined into every page.
      build: { assetsInlineLimit: 0 },
    },
    telemetry: false,
    devToolbar: { enabled: false },
  };
}

export default defineConfig(siteConfig());
