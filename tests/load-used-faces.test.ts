/**
 * A printed part loads only the faces whose `unicode-range` covers a character it shows:
 * its text, and text the print adds beside it (running heads, generated content). A
 * Latin part must not decode the Cyrillic cuts, and must load the Greek ones when a
 * running head is Greek.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import { launchBrowser, type BrowserSession } from '../scripts/browser/launch-browser.ts';
import { openContainedPage } from '../scripts/browser/page-pool.ts';
import { renderHtml } from '../scripts/html/render-html.ts';
import { loadUsedFaces } from '../scripts/pdf/load-used-faces.ts';
import { defaultManuscript } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

let session: BrowserSession;
before(async () => {
  session = await launchBrowser();
});
after(async () => {
  await session.close();
});

test('only the faces for the characters shown are loaded, text beside the document included', async () => {
  const dir = tempDir();
  const { book } = await loadBook(defaultManuscript);
  for (const file of await renderHtml(book)) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.data);
  }
  const file = path.join(dir, 'latin.html');
  writeFileSync(file, '<!DOCTYPE html><html><head><link rel="stylesheet" href="fonts/fonts.css"></head><body><p>Plain Latin text, <i>some italic</i>.</p></body></html>');
  const { context, page } = await openContainedPage(session.browser, [dir]);
  try {
    await page.goto(pathToFileURL(file).href);
    await loadUsedFaces(page, 'Ζῆνα');
    const faces = JSON.parse(
      await page.evaluate<[], () => string>(() => JSON.stringify(Array.from(document.fonts).map((face) => ({ style: face.style, range: face.unicodeRange, status: face.status })))),
    ) as Array<{ style: string; range: string; status: string }>;
    // Chromium gives each range without leading zeros: `U+0-FF, U+131, …`.
    const statusOf = (pattern: RegExp) => [...new Set(faces.filter((face) => pattern.test(face.range)).map((face) => face.status))];
    assert.deepEqual(statusOf(/^U\+0-FF,/), ['loaded'], 'Latin, every style');
    assert.deepEqual(statusOf(/^U\+370-377,/), ['loaded'], 'Greek, for the running head');
    assert.deepEqual(statusOf(/^U\+1F00-1FFF$/), ['loaded'], 'Greek Extended, for the running head');
    assert.deepEqual(statusOf(/^U\+301, U\+400-45F,/), ['unloaded'], 'Cyrillic is not used');
  } finally {
    await context.close();
  }
});
