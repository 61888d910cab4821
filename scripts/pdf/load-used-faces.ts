import type { Page } from 'puppeteer';

/**
 * Loads every face the page's stylesheets declare for characters it prints, then waits
 * for the page's fonts. The print and measuring documents are not laid out before they
 * are printed or measured (see `printOnly` and `measure.css`), so nothing has asked for a
 * face yet, and their one layout must have them all; and Chromium loads a face only for
 * text that uses it, so a part of a book without italics would otherwise set its italic
 * running heads in a fallback. A face whose `unicode-range` covers none of the document's
 * characters (its text, its style sheets' text, and `extraText`, such as running heads
 * not yet in the page) is skipped: a Latin book need not decode the Cyrillic, Greek and
 * Vietnamese cuts of every style.
 */
export async function loadUsedFaces(page: Page, extraText = ''): Promise<void> {
  // tsx and the bundle compile with esbuild's keepNames, which wraps named functions in `__name()`:
  // functions sent to the page find that helper there.
  await page.evaluate('globalThis.__name = (target) => target');
  await page.evaluate(loadFacesFor, extraText);
}

/** Runs in the page: loads the faces whose ranges cover a character of the document or of `extraText`. */
function loadFacesFor(extraText: string): Promise<unknown> {
  const used = new Set<number>();
  for (const text of [document.documentElement.textContent ?? '', extraText]) {
    for (const character of text) used.add(character.codePointAt(0)!);
  }
  const codes = [...used];
  const covers = (ranges: string) =>
    ranges.split(',').some((range) => {
      const match = /^\s*U\+([\da-f?]+)(?:-([\da-f]+))?\s*$/i.exec(range);
      if (!match) return true;
      const low = parseInt(match[1]!.replace(/\?/g, '0'), 16);
      const high = parseInt((match[2] ?? match[1]!).replace(/\?/g, 'f'), 16);
      return codes.some((code) => code >= low && code <= high);
    });
  const faces = Array.from(document.fonts).filter((face) => covers(face.unicodeRange));
  return Promise.all(faces.map((face) => face.load())).then(() => document.fonts.ready);
}
