import type { Page } from 'puppeteer';

/**
 * Loads every face the page's stylesheets declare, then waits for the page's fonts. A
 * document that is only printed is hidden on screen (see `printOnly`), so nothing has
 * asked for a face yet; and Chromium loads a face only for text that uses it, so a part
 * of a book without italics would otherwise set its italic running heads in a fallback.
 */
export async function loadDeclaredFaces(page: Page): Promise<void> {
  await page.evaluate('Promise.all([...document.fonts].map((face) => face.load())).then(() => document.fonts.ready)');
}
