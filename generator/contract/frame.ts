// The markers of the page frame Astro builds (src/pages/casebook-frame.astro)
// and the generator fills with the pages it renders itself. Plain ASCII that
// neither Astro's escaping nor a minifier changes.
export const FRAME_MARKERS = {
  /** In <title>, and nowhere else. */
  title: '@@casebook-title@@',
  /** The value of the side nav's data-nav-open attribute: the feature slugs to open. */
  navOpen: '@@casebook-nav-open@@',
  /** The value of its data-nav-current attribute: the feature page shown, if any. */
  navCurrent: '@@casebook-nav-current@@',
  /** The content of <main>. */
  main: '<!--@@casebook-main@@-->',
} as const;

/** Where the frame page lands in the built site (build.format 'directory'). */
export const FRAME_PAGE = 'casebook-frame/index.html';

/** A page the generator rendered as HTML: what goes into the frame's markers. */
export interface HtmlPage {
  title: string;
  /** Feature slugs whose branch the side nav opens. */
  navOpen: string[];
  /** The feature page this is, marked current in the nav. */
  navCurrent?: string;
  /** The content of <main>. */
  html: string;
  /** false: left out of the search index (a page that lists other pages, such as the run's changes). @default true */
  indexed?: boolean;
}

/** Generated pages wait in the content folder under this folder, as `<section>/<slug>.html`. */
export const HTML_PAGES_DIR = 'html';

/** Files the build copies into the site as they are (attachments), under the same relative path. */
export const SITE_FILES_DIR = 'files';

const HEADER = '<!--casebook-page ';

/** The content folder's form of a page: a one-line JSON header (JSON escapes newlines), then the HTML. */
export function serializeHtmlPage(page: HtmlPage): string {
  return `${HEADER}${JSON.stringify({ title: page.title, navOpen: page.navOpen, navCurrent: page.navCurrent ?? '', ...(page.indexed === false ? { indexed: false } : {}) })}-->\n${page.html}`;
}

export function parseHtmlPage(text: string): HtmlPage | undefined {
  const end = text.indexOf('\n');
  if (!text.startsWith(HEADER) || end < 0) return undefined;
  try {
    const head = JSON.parse(text.slice(HEADER.length, end - 3)) as { title?: unknown; navOpen?: unknown; navCurrent?: unknown; indexed?: unknown };
    if (typeof head.title !== 'string' || !Array.isArray(head.navOpen)) return undefined;
    const navOpen = head.navOpen.filter((s): s is string => typeof s === 'string');
    return { title: head.title, navOpen, navCurrent: typeof head.navCurrent === 'string' ? head.navCurrent : '', html: text.slice(end + 1), ...(head.indexed === false ? { indexed: false } : {}) };
  } catch {
    return undefined;
  }
}
