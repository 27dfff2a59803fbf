// Containers wrap results (and other containers) by uuid; their befores and
// afters become the set-up and tear-down of every result they reach.
import type { Fixture, Result } from './types.ts';

export interface FixtureContainer {
  uuid: string;
  children: string[];
  setup: Fixture[];
  teardown: Fixture[];
  shard: number;
}

/** Returns, per result uuid (qualified by shard), the fixtures that wrap it. */
export function fixturesByResult(containers: readonly FixtureContainer[]): Map<string, { setup: Fixture[]; teardown: Fixture[] }> {
  const byUuid = new Map(containers.map((c) => [`${c.shard}:${c.uuid}`, c]));
  const out = new Map<string, { setup: Fixture[]; teardown: Fixture[] }>();
  for (const container of containers) {
    if (container.setup.length === 0 && container.teardown.length === 0) continue;
    const seen = new Set<string>();
    const stack = [...container.children];
    while (stack.length > 0) {
      const child = `${container.shard}:${stack.pop()}`;
      if (seen.has(child)) continue;
      seen.add(child);
      const nested = byUuid.get(child);
      if (nested) {
        stack.push(...nested.children);
        continue;
      }
      const entry = out.get(child) ?? { setup: [], teardown: [] };
      entry.setup.push(...container.setup);
      entry.teardown.push(...container.teardown);
      out.set(child, entry);
    }
  }
  for (const entry of out.values()) {
    entry.setup.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
    entry.teardown.sort((a, b) => a.start - b.start || a.name.localeCompare(b.name));
  }
  return out;
}

export function attachFixtures(attempts: Result[], containers: readonly FixtureContainer[]): void {
  const fixtures = fixturesByResult(containers);
  for (const attempt of attempts) {
    const found = fixtures.get(`${attempt.shard}:${attempt.uuid}`);
    if (found) {
      attempt.setup = found.setup;
      attempt.teardown = found.teardown;
    }
  }
}
