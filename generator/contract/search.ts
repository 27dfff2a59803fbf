// Between `casebook build` (generator/build/pagefind.ts) and the site.
//
// A large site is indexed as several Pagefind bundles, and this file in the
// main bundle lists the others (folders relative to the site's root, JSON).
export const SEARCH_MERGE_FILE = 'casebook-merge.json';

// Search pages. Pagefind's parser spends its time per HTML element, and
// content marked data-pagefind-ignore costs as much as indexed content: a
// test page has ~217 elements, of which the frame holds ~50 and the ignored
// step tree, attachments and details ~120. So `casebook build` writes, beside
// every page the generator renders, its search page: the same <main> without
// the frame and without the blocks a template marks with {{#unindexed}}, and
// Pagefind reads those instead of the framed pages (same URLs, same index,
// except the `image` meta Pagefind takes from a page's first <img>, even an
// ignored attachment; the search page shows no images).

/** Where a build writes the search pages, in the content folder, as `<section>/<slug>.html`. */
export const SEARCH_PAGES_DIR = 'search-pages';

/** The language of every page (`<html lang>`), which Pagefind indexes by. */
export const SITE_LANG = 'en';

/** Around content a search page leaves out; written by the templates' {{#unindexed}} helper. */
export const UNINDEXED_MARKERS = { start: '<!--casebook:unindexed-->', end: '<!--/casebook:unindexed-->' } as const;

/**
 * The search page of a page whose <main> holds `html`: a document Pagefind
 * indexes as it would the framed page (<main data-pagefind-body>, the site's
 * language), with every marked stretch cut out.
 */
export function searchPageOf(html: string): string {
  const { start, end } = UNINDEXED_MARKERS;
  let kept = '';
  let from = 0;
  for (let at = html.indexOf(start); at >= 0; at = html.indexOf(start, from)) {
    const stop = html.indexOf(end, at + start.length);
    if (stop < 0) break;
    kept += html.slice(from, at);
    from = stop + end.length;
  }
  kept += html.slice(from);
  return `<!doctype html><html lang="${SITE_LANG}"><head><meta charset="utf-8"></head><body><main data-pagefind-body>${kept}</main></body></html>`;
}
