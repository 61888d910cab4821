import type { BookBrowser } from './book-browser.ts';
import type { BrowserSession } from './launch-browser.ts';
import type { SharedBrowser } from './shared-browser.ts';

/**
 * One book's view of a browser that a catalog owns and lends to all its books. The book
 * acquires the catalog's Chromium like its own, but releasing or closing it never closes
 * it: other books may be printing in it, and the catalog closes it when every book is done.
 * After a crash the book drops the browser it was given, unless another book already
 * replaced it, so two books that saw one crash start one fresh browser, not two.
 */
export class BorrowedBrowser implements BookBrowser {
  private readonly owner: SharedBrowser;
  private given: Promise<BrowserSession> | undefined;

  /** A view of `owner`, which the caller closes once no book uses it. */
  constructor(owner: SharedBrowser) {
    this.owner = owner;
  }

  /** Starts the catalog's browser, if no book has yet. */
  warm(): void {
    this.owner.warm();
  }

  /** The owner closes the browser, not its users: nothing to count. */
  async expect(_users: number): Promise<void> {}

  /** The catalog's browser, started on first use. */
  acquire(): Promise<BrowserSession> {
    this.given = this.owner.acquire();
    return this.given;
  }

  /** The owner closes the browser, not its users. */
  async release(): Promise<void> {}

  /** Drops the browser this book was given, if it is still the catalog's current one. */
  async dropCrashed(): Promise<void> {
    if (this.given) await this.owner.dropIfCurrent(this.given);
  }

  /** The book is done; the browser stays open for the others. */
  async close(): Promise<void> {}
}
