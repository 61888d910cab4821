import type { BookBrowser } from '../browser/book-browser.ts';
import { BrowserCrashError } from '../diagnostics/errors.ts';

/**
 * Runs a print step (measuring or printing), and once more in a fresh browser when
 * Chromium crashed or was killed on the way. That is safe: a step only reads the staged
 * print document and writes into staging, so a second try starts from the same state. A
 * timeout or any other failure is not retried: it would most likely fail the same way.
 * `onRetry` hears the first crash.
 */
export async function retryOnCrash<T>(browser: BookBrowser, step: () => Promise<T>, onRetry: (crash: BrowserCrashError) => void = () => undefined): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof BrowserCrashError)) throw error;
    onRetry(error);
    // Drop the dead browser; the next acquire starts a fresh one.
    await browser.dropCrashed();
    return step();
  }
}
