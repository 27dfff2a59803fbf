// Allure's own failure categories (categories.json), applied as Allure Report 2
// (2.46) applies them: to every result (any status), the first category whose
// status, message, trace and flaky conditions all hold wins; a failed result no
// category took is a "Product defect", a broken one a "Test defect".
import type { Category, Result, Status } from '../model/types.ts';
import type { WholeMatchPattern } from '../model/patterns.ts';
import { compileWholeMatch, stripAnsi } from '../model/patterns.ts';

export const PRODUCT_DEFECTS = 'Product defects';
export const TEST_DEFECTS = 'Test defects';

interface CompiledCategory {
  name: string;
  /** Undefined: any status (an empty or absent `matchedStatuses`). */
  statuses?: ReadonlySet<Status>;
  /** Null: the regex does not compile, so the category matches nothing (the reader warned). */
  message?: WholeMatchPattern | null;
  trace?: WholeMatchPattern | null;
  flaky?: boolean;
}

function compile(category: Category): CompiledCategory {
  const regex = (source: string | undefined) => {
    if (source === undefined) return undefined;
    const c = compileWholeMatch(source);
    return c.ok ? c.pattern : null;
  };
  return {
    name: category.name,
    ...(category.matchedStatuses.length ? { statuses: new Set(category.matchedStatuses) } : {}),
    ...(category.messageRegex !== undefined ? { message: regex(category.messageRegex) } : {}),
    ...(category.traceRegex !== undefined ? { trace: regex(category.traceRegex) } : {}),
    ...(category.flaky !== undefined ? { flaky: category.flaky } : {}),
  };
}

function matches(c: CompiledCategory, result: Result): boolean {
  if (c.statuses && !c.statuses.has(result.status)) return false;
  // Allure compares against a message or trace that is present: an absent one never matches a regex.
  if (c.message !== undefined) {
    const message = result.statusDetails.message;
    if (c.message === null || !message || !c.message.test(stripAnsi(message))) return false;
  }
  if (c.trace !== undefined) {
    const trace = result.statusDetails.trace;
    if (c.trace === null || !trace || !c.trace.test(stripAnsi(trace))) return false;
  }
  if (c.flaky !== undefined && result.flaky !== c.flaky) return false;
  return true;
}

/** Result key → the name of its Allure category; results in no category are absent. */
export function categorize(results: readonly Result[], categories: readonly Category[]): Map<string, string> {
  const compiled = categories.map(compile);
  const out = new Map<string, string>();
  for (const result of results) {
    const hit = compiled.find((c) => matches(c, result));
    if (hit) out.set(result.key, hit.name);
    else if (result.status === 'failed') out.set(result.key, PRODUCT_DEFECTS);
    else if (result.status === 'broken') out.set(result.key, TEST_DEFECTS);
  }
  return out;
}

/** How many results each category holds, in Allure 2's order: the categories as configured, then its two defaults. */
export function categoryCounts(categoryOf: ReadonlyMap<string, string>, categories: readonly Category[] = []): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const name of categoryOf.values()) counts.set(name, (counts.get(name) ?? 0) + 1);
  const order = [...new Set([...categories.map((c) => c.name), PRODUCT_DEFECTS, TEST_DEFECTS])];
  const rank = (name: string) => order.indexOf(name);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
