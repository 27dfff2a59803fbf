// Orderings for lists a reader scans. Always total orders, so output is stable.
import type { TestRef } from '../collections.ts';
import { statusRank } from './status.ts';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

export function compareTitles(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Failing tests first, then flaky ones, then by title; slug breaks ties. */
export function sortTests<T extends Pick<TestRef, 'status' | 'flaky' | 'title' | 'slug'>>(tests: readonly T[]): T[] {
  return [...tests].sort(
    (a, b) =>
      statusRank(a.status) - statusRank(b.status) ||
      Number(b.flaky) - Number(a.flaky) ||
      compareTitles(a.title, b.title) ||
      compareTitles(a.slug, b.slug),
  );
}

export function sortByTitle<T extends { title: string; slug: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareTitles(a.title, b.title) || compareTitles(a.slug, b.slug));
}
