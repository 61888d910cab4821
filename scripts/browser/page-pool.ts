import type { Browser, BrowserContext, Page } from 'puppeteer';
import type { BookBrowser } from './book-browser.ts';
import { containPage } from './contain-page.ts';

/** A contained page (see `containPage`) in a browser context of its own, so in a renderer, and on a core, of its own. */
export interface ContainedPage {
  context: BrowserContext;
  page: Page;
}

/** Opens a page in a new browser context of `browser`, contained to `allowedDirs` before it loads anything. */
export async function openContainedPage(browser: Browser, allowedDirs: readonly string[]): Promise<ContainedPage> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await containPage(page, allowedDirs);
    return { context, page };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Contained pages opened ahead of need, while the build does other work, so that starting
 * a renderer, slow on a busy machine (see docs/performance.md, 'Figures behind the
 * design'), is off the critical path. A
 * page that could not be opened, or that belongs to a browser since replaced (after a
 * crash), is not handed out: `take` then opens a fresh one.
 */
export class PagePool {
  private readonly ready: Array<Promise<ContainedPage | undefined>> = [];

  /** A pool of pages contained to `allowedDirs`, none opened yet. */
  constructor(private readonly allowedDirs: readonly string[]) {}

  /** Starts opening `count` pages in `browser`'s Chromium (starting it if need be). */
  openAhead(browser: BookBrowser, count: number): this {
    const session = browser.acquire();
    for (let index = 0; index < count; index++) {
      this.ready.push(session.then((started) => openContainedPage(started.browser, this.allowedDirs)).catch(() => undefined));
    }
    return this;
  }

  /** A page opened ahead in `browser`, or else a new one. */
  async take(browser: Browser): Promise<ContainedPage> {
    for (let next = this.ready.shift(); next; next = this.ready.shift()) {
      const opened = await next;
      if (opened && opened.page.browser() === browser && !opened.page.isClosed()) return opened;
      await opened?.context.close().catch(() => undefined);
    }
    return openContainedPage(browser, this.allowedDirs);
  }

  /** Closes the pages no one took. */
  async close(): Promise<void> {
    const left = this.ready.splice(0);
    await Promise.all(left.map(async (next) => (await next)?.context.close().catch(() => undefined)));
  }
}
