// The library never writes to the console: it reports to a logger it is given.
export interface Logger {
  /** A step of long work, e.g. "read: 1500/10000 result files". */
  progress(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = { progress() {}, info() {}, warn() {} };

/** `astro` runs while render and write go on; `astroWait` is how long the build then still waited for it. */
export type StageName = 'read' | 'link' | 'render' | 'write' | 'astro' | 'astroWait' | 'frame' | 'pagefind';
export type Timings = Partial<Record<StageName, number>>;
