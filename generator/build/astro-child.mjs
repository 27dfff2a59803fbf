// The Astro build process of `casebook build`. It is started as the build
// begins, loads Astro (~0.5 s) while the generator still reads and links, then
// waits for its options (one JSON message on stdin: AstroBuildOptions in
// astro.ts) and builds with the site's configuration for them. Plain
// JavaScript: it runs before any of Casebook's TypeScript is needed.
import { build } from 'astro';
import { siteConfig } from '../../astro.config.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');
if (!text.trim()) process.exit(0); // the parent ended without options (a stopped build kills this process instead)
try {
  // configFile: false — the configuration is this one, not astro.config.mjs's defaults merged in.
  await build({ ...siteConfig(JSON.parse(text)), configFile: false });
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
