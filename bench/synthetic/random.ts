// A seeded generator so that the same seed always writes byte-identical data:
// benchmark inputs must be reproducible across machines and runs.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks with weights proportional to 1/(rank+1)^s, so a few items dominate (as failures do). */
  zipf<T>(items: readonly T[], s?: number): T;
  /** A log-normal duration in ms around `median`. */
  duration(median: number, spread?: number): number;
  uuid(): string;
  hex(length: number): string;
  /** A new independent stream, derived from this one and a label. */
  fork(label: string): Random;
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

type ZipfTables = WeakMap<readonly unknown[], Map<number, Float64Array>>;

function cumulativeZipf(zipfTables: ZipfTables, items: readonly unknown[], s: number): Float64Array {
  let bySkew = zipfTables.get(items);
  if (!bySkew) {
    bySkew = new Map();
    zipfTables.set(items, bySkew);
  }
  let table = bySkew.get(s);
  if (!table) {
    table = new Float64Array(items.length);
    let sum = 0;
    for (let i = 0; i < items.length; i++) {
      sum += 1 / (i + 1) ** s;
      table[i] = sum;
    }
    for (let i = 0; i < items.length; i++) table[i] = (table[i] ?? 0) / sum;
    bySkew.set(s, table);
  }
  return table;
}

/** sfc32, seeded through a string hash; fast and good enough for test data. */
export function createRandom(seed: string | number): Random {
  let a = hashString(`a:${seed}`);
  let b = hashString(`b:${seed}`);
  let c = hashString(`c:${seed}`);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  const zipfTables: ZipfTables = new WeakMap();

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length) out += Math.floor(next() * 4294967296).toString(16).padStart(8, '0');
    return out.slice(0, length);
  };
  const random: Random = {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick() from an empty list');
      return item;
    },
    zipf: (items, s = 1) => {
      const table = cumulativeZipf(zipfTables, items, s);
      const r = next();
      let lo = 0;
      let hi = items.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((table[mid] ?? 1) < r) lo = mid + 1;
        else hi = mid;
      }
      const item = items[lo];
      if (item === undefined) throw new Error('zipf() from an empty list');
      return item;
    },
    duration: (median, spread = 0.8) => {
      // Box–Muller: a normal deviate, then exp() for a long right tail.
      const u = Math.max(next(), 1e-12);
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
      return Math.max(1, Math.round(median * Math.exp(spread * z)));
    },
    uuid: () => {
      const h = hex(32);
      const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    },
    hex,
    fork: (label) => createRandom(`${seed}/${label}`),
  };
  return random;
}
