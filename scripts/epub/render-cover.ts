import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Book } from '../book/types.ts';
import { textDirection } from '../config/text-direction.ts';
import { openContainedPage } from '../browser/page-pool.ts';
import type { BrowserSession } from '../browser/launch-browser.ts';
import { templateBook } from '../render/front-pages.ts';
import { renderTemplate, templatesDir } from '../render/templates.ts';

/** Size of a generated cover, in pixels: the 1:1.6 that e-book stores ask for. */
export const coverSize = { width: 1600, height: 2560 } as const;

/**
 * Renders a cover for a book that has none: `templates/cover/cover.html.ejs` (title,
 * subtitle, authors, publisher) drawn by Chromium into a JPEG. The page is written into
 * `dir`, the staged web edition, so it can use the book face from `fonts/`.
 */
export async function renderCover(book: Book, session: BrowserSession, dir: string): Promise<Uint8Array> {
  const file = path.join(dir, '.cover.html');
  await writeFile(file, renderTemplate('cover/cover.html.ejs', { book: templateBook(book), dir: textDirection(book.config.lang) }));
  const { context, page } = await openContainedPage(session.browser, [dir, templatesDir]);
  try {
    await page.setViewport({ ...coverSize, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    return await page.screenshot({ type: 'jpeg', quality: 92, clip: { x: 0, y: 0, ...coverSize } });
  } finally {
    await context.close();
    await rm(file, { force: true });
  }
}
