// Between `casebook build` (generator/build/pagefind.ts) and the search page:
// a large site is indexed as several Pagefind bundles, and this file in the
// main bundle lists the others (folders relative to the site's root, JSON).
export const SEARCH_MERGE_FILE = 'casebook-merge.json';
