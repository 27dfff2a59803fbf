// Casebook's key for a test: ALLURE_ID || testCaseId || fullName (|| name),
// plus a hash of its non-excluded parameters sorted by name, then value.
// The raw historyId is not trusted: adapters compute it differently.
import { createHash } from 'node:crypto';

export interface IdentityParameter {
  name: string;
  value: string;
  excluded: boolean;
}

export function shortHash(text: string, length = 10): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

export function identityKey(base: string, parameters: readonly IdentityParameter[]): string {
  const included = parameters
    .filter((p) => !p.excluded)
    .map((p) => [p.name, p.value] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  if (included.length === 0) return base;
  return `${base}#${shortHash(JSON.stringify(included), 12)}`;
}

/** Lowercase ASCII words joined by '-', at most `max` characters, never empty. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return slug || 'x';
}

/** A URL slug that stays the same as long as the test's identity does. */
export function resultSlug(name: string, key: string): string {
  return `${slugify(name)}-${shortHash(key, 8)}`;
}

/**
 * Hands out page slugs, each at most once (a page path is claimed once): a
 * slug already taken, or reserved for a page of the site (`index`), gets the
 * hash of `seed`, then a counter. Claimed in a fixed order, the slugs are the
 * same from run to run.
 */
export function slugClaims(reserved: Iterable<string> = ['index']): (wanted: string, seed: string) => string {
  const taken = new Set(reserved);
  return (wanted, seed) => {
    let slug = wanted;
    if (taken.has(slug)) slug = `${wanted}-${shortHash(seed, 6)}`;
    for (let n = 2; taken.has(slug); n++) slug = `${wanted}-${shortHash(seed, 6)}-${n}`;
    taken.add(slug);
    return slug;
  };
}
