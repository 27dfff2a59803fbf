// Assembles the shards read from disk into one Run.
import type { Category, EnvironmentEntry, Executor, Result, Run } from '../../model/types.ts';
import { slugClaims } from '../../model/identity.ts';
import type { ShardContent } from './results-folder.ts';
import { attachFixtures } from '../../model/fixtures.ts';
import { collapseRetries } from '../../model/retries.ts';

function mergeEnvironment(shards: readonly ShardContent[]): EnvironmentEntry[] {
  const merged = new Map<string, string[]>();
  for (const shard of shards) {
    for (const [name, value] of shard.environment) {
      const values = merged.get(name) ?? [];
      if (!values.includes(value)) values.push(value);
      merged.set(name, values);
    }
  }
  return [...merged].map(([name, values]) => ({ name, values })).sort((a, b) => a.name.localeCompare(b.name));
}

function mergeCategories(shards: readonly ShardContent[]): Category[] {
  const seen = new Set<string>();
  const categories: Category[] = [];
  for (const category of shards.flatMap((s) => s.categories)) {
    const { shard: _shard, ...definition } = category;
    const signature = JSON.stringify(definition);
    if (seen.has(signature)) continue;
    seen.add(signature);
    categories.push(category);
  }
  return categories;
}

export function assembleRun(shards: readonly ShardContent[]): Run {
  const attempts = shards.flatMap((s) => s.attempts);
  attachFixtures(attempts, shards.flatMap((s) => s.containers));
  const results = collapseRetries(attempts);
  claimResultSlugs(results);
  let start = Infinity;
  let stop = 0;
  for (const a of attempts) {
    if (a.start > 0 && a.start < start) start = a.start;
    if (a.stop > stop) stop = a.stop;
  }
  return {
    results,
    globalErrors: shards.flatMap((s) => s.globalErrors),
    environment: mergeEnvironment(shards),
    executors: shards.map((s) => s.executor).filter((e): e is Executor => e !== undefined),
    categories: mergeCategories(shards),
    shards: shards.map((s) => s.label),
    start: Number.isFinite(start) ? start : 0,
    stop,
  };
}

/** Two tests whose slugs meet (same name, same 8-hex hash of different keys) each keep a page: by key order, the later one's slug grows. */
function claimResultSlugs(results: Result[]): void {
  const claim = slugClaims();
  for (const result of [...results].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) result.slug = claim(result.slug, result.key);
}
