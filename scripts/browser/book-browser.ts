import type { BrowserSession } from './launch-browser.ts';

/**
 * The browser one book's build prints with, as the build uses it: started early, then
 * acquired and released by each part that needs it (measuring, printing, drawing a cover).
 * Either the build's own (`SharedBrowser`), closed when its last user is done, or one a
 * catalog lends to each of its books (`BorrowedBrowser`), closed only by the catalog.
 */
export interface BookBrowser {
  /** Starts Chromium now, so it is ready by the time the book is parsed. */
  warm(): void;
  /** Says how many users will `acquire` and `release` it. */
  expect(users: number): Promise<void>;
  /** The running browser, started on first use. */
  acquire(): Promise<BrowserSession>;
  /** One user is done with it. */
  release(): Promise<void>;
  /** Chromium crashed or was killed while printing: drop it, so the next `acquire` starts a fresh one. */
  dropCrashed(): Promise<void>;
  /** The build is over: none of its parts uses the browser any more. */
  close(): Promise<void>;
}
