import type { BookBrowser } from './book-browser.ts';
import { launchBrowser, type BrowserSession } from './launch-browser.ts';

/**
 * One Chromium for every part of a build that needs one (the PDF, a generated cover),
 * started as early as is useful and closed as soon as the last user is done with it.
 * A catalog owns one for all its books, lends it to each (`BorrowedBrowser`) and closes it
 * itself at the end.
 */
export class SharedBrowser implements BookBrowser {
  private session: Promise<BrowserSession> | undefined;
  private spawning: Promise<void> | undefined;
  private users = 0;

  /** Starts Chromium now, so it is ready by the time the book is parsed. */
  warm(): void {
    if (this.session) return;
    let spawned: () => void = () => undefined;
    this.spawning = new Promise((resolve) => (spawned = resolve));
    this.session = launchBrowser(spawned);
    this.session.catch(() => undefined).finally(spawned);
  }

  /**
   * Resolves once the browser's process is being started (Puppeteer loaded), or its
   * launch has failed; at once when it was never warmed.
   */
  async spawned(): Promise<void> {
    await this.spawning;
  }

  /** Says how many users will `acquire` and `release` it; with none, the browser closes. */
  async expect(users: number): Promise<void> {
    this.users = users;
    if (users === 0) await this.close();
  }

  /** The running browser, started on first use. */
  acquire(): Promise<BrowserSession> {
    this.warm();
    return this.session!;
  }

  /** One user is done; the last one closes the browser. */
  async release(): Promise<void> {
    this.users--;
    if (this.users <= 0) await this.close();
  }

  /** Drops a crashed browser: closes it, so the next `acquire` starts a fresh one. */
  dropCrashed(): Promise<void> {
    return this.close();
  }

  /**
   * Closes `session` if it is still the browser handed out, so the next `acquire` starts a
   * fresh one; a session that was already replaced (after the same crash) is left alone.
   */
  async dropIfCurrent(session: Promise<BrowserSession>): Promise<void> {
    if (this.session === session) await this.close();
  }

  /** Closes the browser and removes its profile, whoever still holds it. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (session) await (await session.catch(() => undefined))?.close();
  }
}
