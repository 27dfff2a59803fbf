// Runs one command and measures it as a user would feel it: wall time from spawn to exit,
// and the peak of the summed resident memory of the whole process tree (Java and Astro
// start children, so the top process alone would under-report).

import { spawn } from 'node:child_process';
import { readdir, readFile, lstat } from 'node:fs/promises';
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Measurement {
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  wallMs: number;
  peakRssBytes: number;
  /** The largest number of processes seen in the tree at once. */
  peakProcesses: number;
  samples: number;
  /** The last lines of stdout and stderr, for reporting failures. */
  outputTail: string[];
}

export interface MeasureOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  intervalMs?: number;
}

const pageSize = 4096;

/** Parent pid of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parentsByPid(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    } catch {
      continue; // exited between readdir and read
    }
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ', 2)[1]);
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  return children;
}

/** Summed VmRSS (resident pages from /proc/<pid>/statm) of `root` and all its descendants. */
export function treeRss(root: number): { bytes: number; processes: number } {
  const children = parentsByPid();
  let bytes = 0;
  let processes = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    try {
      const resident = Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]);
      bytes += resident * pageSize;
      processes++;
    } catch {
      // exited meanwhile
    }
    queue.push(...(children.get(pid) ?? []));
  }
  return { bytes, processes };
}

export function measure(command: string, args: readonly string[], options: MeasureOptions): Promise<Measurement> {
  const interval = options.intervalMs ?? 50;
  return new Promise((resolve) => {
    const started = performance.now();
    // Its own process group, so that a timeout can stop the whole tree and nothing else.
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const tail: string[] = [];
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString().split(/\r?\n|\r/)) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control characters
        const clean = line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim();
        if (!clean) continue;
        tail.push(clean);
        if (tail.length > 30) tail.shift();
      }
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peakRssBytes = 0;
    let peakProcesses = 0;
    let samples = 0;
    let timedOut = false;
    const sample = (): void => {
      if (child.pid === undefined || child.exitCode !== null) return;
      const { bytes, processes } = treeRss(child.pid);
      samples++;
      peakRssBytes = Math.max(peakRssBytes, bytes);
      peakProcesses = Math.max(peakProcesses, processes);
    };
    const poll = setInterval(sample, interval);
    sample();
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, options.timeoutMs);
    const finish = (exitCode: number | null, signal: string | null, error?: Error): void => {
      clearInterval(poll);
      clearTimeout(timer);
      if (error) tail.push(error.message);
      resolve({
        ok: exitCode === 0 && !timedOut && !error,
        exitCode,
        signal,
        timedOut,
        wallMs: performance.now() - started,
        peakRssBytes,
        peakProcesses,
        samples,
        outputTail: tail,
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Apparent size (sum of file lengths) and number of files under `dir`; 0 when it is absent. */
export async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return { bytes, files };
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = await folderSize(path);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += (await lstat(path)).size;
      files++;
    }
  }
  return { bytes, files };
}

export async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}
