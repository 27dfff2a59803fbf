// Every internal link goes through these so the site works under a sub-path
// (CASEBOOK_BASE=/docs/). `base` is import.meta.env.BASE_URL.

/** Joins the site base and a site-root path: ('/docs/', 'tests/a/') → '/docs/tests/a/'. */
export function withBase(base: string, path: string): string {
  const trimmedBase = base.replace(/\/+$/, '');
  const trimmedPath = path.replace(/^\/+/, '');
  return `${trimmedBase}/${trimmedPath}`;
}

function encodeSlug(slug: string): string {
  return slug
    .split('/')
    .filter((part) => part !== '')
    .map(encodeURIComponent)
    .join('/');
}

export function homeHref(base: string): string {
  return withBase(base, '');
}

// Test, case and feature pages are files (`tests/<slug>.html`), not folders
// with an index.html: one file per page instead of a folder and a file, and
// the link works on any static host without URL rewriting.
export function testHref(base: string, slug: string): string {
  return withBase(base, `tests/${encodeSlug(slug)}.html`);
}

/** A feature node's page; the empty slug (the root of the tree) is the features index. */
export function featureHref(base: string, slug: string): string {
  const encoded = encodeSlug(slug);
  return withBase(base, encoded === '' ? 'features/' : `features/${encoded}.html`);
}

export function featuresIndexHref(base: string): string {
  return withBase(base, 'features/');
}

/** The whole feature tree of the side nav, fetched by every page (src/pages/site-nav.astro). */
export function siteNavHref(base: string): string {
  return withBase(base, 'site-nav/');
}

/** The run against the previous run of its history (render/history-pages.ts). */
export function changesHref(base: string): string {
  return withBase(base, 'changes/');
}

export function flakyHref(base: string): string {
  return withBase(base, 'flaky/');
}

export function rejectedHref(base: string): string {
  return withBase(base, 'rejected/');
}

export function searchHref(base: string, query?: string): string {
  const href = withBase(base, 'search/');
  return query ? `${href}?q=${encodeURIComponent(query)}` : href;
}

/** The Pagefind bundle folder, written next to the site by `pagefind --site`. */
export function pagefindBundleHref(base: string): string {
  return withBase(base, 'pagefind/');
}

/**
 * A file the generator put under `public/` (attachments, summary.json).
 * Absolute http(s) URLs pass through; any other scheme is refused.
 */
export function assetHref(base: string, href: string): string {
  if (/^https?:\/\//i.test(href)) return href;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return '';
  return withBase(base, href);
}

/** Only http(s) links leave the site (a `javascript:` build URL must not become a link). */
export function externalHref(href: string): string {
  return /^https?:\/\//i.test(href) ? href : '';
}

/** Whether `href` is the current page (or, with `prefix`, one below it). */
export function isCurrent(pathname: string, href: string, prefix = false): boolean {
  const norm = (p: string) => safeDecode(p).replace(/\/+$/, '');
  const current = norm(pathname);
  const target = norm(href);
  return current === target || (prefix && current.startsWith(`${target}/`));
}

function safeDecode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}
