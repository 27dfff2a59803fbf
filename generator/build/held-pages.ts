// Where the pages the generator renders go during a build: into the site,
// framed, once Astro has built the frame; before that they wait in memory
// (up to a budget), and past the budget in the content folder (the caller's
// fallback when `take` answers false).
import type { HtmlPage } from '../contract/frame.ts';
import type { Logger } from '../lib/logger.ts';
import { mapConcurrent } from '../lib/map-concurrent.ts';
import { WRITES_IN_FLIGHT } from '../write/content-folder.ts';
import { type Frame, writeFramedPage } from './frame.ts';

export interface HeldPages {
  /** Frames the page into the site, or holds it until the frame exists; false when the budget is spent. */
  take(where: string, page: HtmlPage): Promise<boolean>;
  /** The frame exists: the pages held so far go into the site (in the background), later ones at once. */
  frameReady(frame: Frame): void;
  /** The frame, once it exists. */
  readonly frame: Frame | undefined;
  /** Resolves when the held pages are in the site. */
  flushed(): Promise<void>;
}

export function holdPages(outDir: string, budget: number, logger: Logger): HeldPages {
  let frame: Frame | undefined;
  // Held as UTF-8: every page has a character outside Latin-1 (·, —, ↗), so
  // V8 keeps its string at two bytes a character; mostly ASCII, UTF-8 is half that.
  const held: { where: string; page: Omit<HtmlPage, 'html'>; html: Buffer }[] = [];
  let heldBytes = 0;
  let flushing: Promise<unknown> = Promise.resolve();
  return {
    get frame() {
      return frame;
    },
    async take(where, page) {
      if (frame) {
        await writeFramedPage(outDir, where, page, frame);
        return true;
      }
      const { html, ...rest } = page;
      const bytes = Buffer.byteLength(html);
      if (heldBytes + bytes > budget) return false;
      held.push({ where, page: rest, html: Buffer.from(html) });
      heldBytes += bytes;
      return true;
    },
    frameReady(ready) {
      frame = ready;
      // At 100,000 results ~20,000 pages wait when Astro ends: they go in while the generator renders on.
      const waiting = held.splice(0);
      heldBytes = 0;
      logger.progress(`frame: writing the ${waiting.length} pages rendered while Astro was building`);
      flushing = mapConcurrent(waiting, WRITES_IN_FLIGHT, ({ where, page, html }) => writeFramedPage(outDir, where, { ...page, html: html.toString('utf8') }, ready));
      // Reported when flushed() is awaited; this keeps an early failure from being unhandled meanwhile.
      flushing.catch(() => undefined);
    },
    async flushed() {
      await flushing;
    },
  };
}
