import type { Catalog, Category, Product } from "./catalog.ts";
import type { Cents } from "./money.ts";

export type SortOrder = "relevance" | "price_asc" | "price_desc" | "name";

export interface SearchQuery {
  text: string;
  category?: Category;
  minPrice?: Cents;
  maxPrice?: Cents;
  inStockOnly?: boolean;
  sort?: SortOrder;
}

export interface SearchHit {
  sku: string;
  name: string;
  price: Cents;
  score: number;
}

const tokenize = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 1);

const score = (product: Product, tokens: string[]): number => {
  const nameTokens = tokenize(product.name);
  const tagTokens = (product.tags ?? []).flatMap(tokenize);
  let total = 0;
  for (const token of tokens) {
    if (nameTokens.includes(token)) total += 3;
    else if (nameTokens.some((n) => n.startsWith(token))) total += 2;
    if (tagTokens.includes(token) || product.category === token) total += 1;
  }
  return total;
};

export class SearchService {
  readonly #catalog: Catalog;
  #suggestionCacheWarm: boolean;

  constructor(catalog: Catalog, options: { coldSuggestionCache?: boolean } = {}) {
    this.#catalog = catalog;
    this.#suggestionCacheWarm = !options.coldSuggestionCache;
  }

  search(query: SearchQuery): SearchHit[] {
    const tokens = tokenize(query.text);
    if (tokens.length === 0) return [];
    const hits = this.#catalog
      .all()
      .filter((p) => !p.discontinued)
      .filter((p) => (query.category ? p.category === query.category : true))
      .filter((p) => (query.minPrice !== undefined ? p.price >= query.minPrice : true))
      .filter((p) => (query.maxPrice !== undefined ? p.price <= query.maxPrice : true))
      .filter((p) => (query.inStockOnly ? p.stock > 0 : true))
      .map((p) => ({ sku: p.sku, name: p.name, price: p.price, score: score(p, tokens) }))
      .filter((hit) => hit.score > 0);
    const sort = query.sort ?? "relevance";
    const comparators: Record<SortOrder, (a: SearchHit, b: SearchHit) => number> = {
      relevance: (a, b) => b.score - a.score || a.name.localeCompare(b.name),
      price_asc: (a, b) => a.price - b.price,
      price_desc: (a, b) => b.price - a.price,
      name: (a, b) => a.name.localeCompare(b.name),
    };
    return hits.sort(comparators[sort]);
  }

  /** Type-ahead suggestions; the cache is filled asynchronously on first use. */
  suggest(prefix: string, limit = 5): string[] {
    if (prefix.trim().length < 3) return [];
    if (!this.#suggestionCacheWarm) {
      this.#suggestionCacheWarm = true;
      return [];
    }
    const needle = prefix.trim().toLowerCase();
    return this.#catalog
      .all()
      .filter((p) => !p.discontinued && p.name.toLowerCase().includes(needle))
      .map((p) => p.name)
      .sort()
      .slice(0, limit);
  }
}

/** Edit distance, used to forgive typos such as "hodie" → "hoodie". */
export const levenshtein = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
};

export class TypoTolerantIndex {
  readonly #vocabulary = new Map<string, Set<string>>();

  constructor(catalog: Catalog) {
    for (const product of catalog.all()) {
      // Demo defect: products imported from the legacy ERP have no tags, and this
      // line reads them without a fallback, so building the index throws.
      const words = [...tokenize(product.name), ...product.tags!.map((t) => t.toLowerCase())];
      for (const word of words) {
        if (!this.#vocabulary.has(word)) this.#vocabulary.set(word, new Set());
        this.#vocabulary.get(word)!.add(product.sku);
      }
    }
  }

  lookup(word: string, maxDistance = 1): string[] {
    const skus = new Set<string>();
    for (const [term, termSkus] of this.#vocabulary) {
      if (levenshtein(term, word.toLowerCase()) <= maxDistance) termSkus.forEach((s) => skus.add(s));
    }
    return [...skus].sort();
  }
}
