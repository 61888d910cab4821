import type { Page } from 'puppeteer';

/**
 * Loads every face the page's stylesheets declare, then waits for the page's fonts. The
 * print and measuring documents are not laid out before they are printed or measured
 * (see `printOnly` and `measure.css`), so nothing has asked for a face yet, and their one
 * layout must have them all; and Chromium loads a face only for text that uses it, so a
 * part of a book without italics would otherwise set its italic running heads in a fallback.
 */
export async function loadDeclaredFaces(page: Page): Promise<void> {
  await page.evaluate('Promise.all([...document.fonts].map((face) => face.load())).then(() => document.fonts.ready)');
}
