export const FRAMEWORKS = ['vitest', 'jest', 'mocha', 'playwright', 'cucumber', 'pytest', 'junit5'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface ScaffoldFile {
  /** Relative path of the file to write (under --out). */
  path: string;
  content: string;
}

/** The lines every scaffold starts with (as comments): where it came from and what to do next. */
export interface ScaffoldHeader {
  lines: string[];
}
