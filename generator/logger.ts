// The library never writes to the console: it reports to a logger it is given.
export interface Logger {
  /** A step of long work, e.g. "read: 1500/10000 result files". */
  progress(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { progress() {}, info() {}, warn() {} };

export type StageName = 'read' | 'link' | 'render' | 'write' | 'astro' | 'frame' | 'pagefind';
export type Timings = Partial<Record<StageName, number>>;
