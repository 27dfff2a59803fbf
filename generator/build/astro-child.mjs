// The Astro build process of `casebook build`. It is started as the build
// begins, loads Astro (~0.5 s) while the generator still reads and links, then
// waits for its options on stdin and builds. Plain JavaScript: it runs before
// any of Casebook's TypeScript is needed.
import { build } from 'astro';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const text = Buffer.concat(chunks).toString('utf8');
if (!text.trim()) process.exit(0); // the parent ended without options (a stopped build kills this process instead)
const { root, env } = JSON.parse(text);
// astro.config.mjs reads where the content is and where the site goes from these.
Object.assign(process.env, env);
try {
  await build({ root });
  process.exit(0);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
}
