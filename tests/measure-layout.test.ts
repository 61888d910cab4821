/**
 * The print layout is measured without printing: each chapter, and each front page, is set
 * in columns the size of the print text block (scripts/pdf/column-layout.ts). These tests
 * hold that measure against the truth, a real print of the whole book, for the front
 * pages, every chapter's page count and every page anchor, on the default book at two
 * trims and on Moby-Dick, each measured in two parts.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { loadBook } from '../scripts/parse/load-book.ts';
import { launchBrowser, type BrowserSession } from '../scripts/browser/launch-browser.ts';
import { PagePool } from '../scripts/browser/page-pool.ts';
import { renderHtml } from '../scripts/html/render-html.ts';
import { partDocuments, splitBook } from '../scripts/pdf/book-parts.ts';
import { measureLayout, type BookLayout, type ChapterLayout, type FrontLayout } from '../scripts/pdf/measure-layout.ts';
import { readPageMap } from '../scripts/pdf/page-map.ts';
import { printBody, renderPrintDocument, type PrintBody } from '../scripts/pdf/print-document.ts';
import { frontPageIds } from '../scripts/pdf/print-plan.ts';
import { loadHyphenator } from '../scripts/render/hyphenate-tree.ts';
import { readTemplateFile, templatesDir } from '../scripts/render/templates.ts';
import { defaultManuscript, mobyDickManuscript } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

let session: BrowserSession;
before(async () => {
  session = await launchBrowser();
});
after(async () => {
  await session.close();
});

/** The book's print body, with its web edition's files (fonts, styles, images) in `dir`. */
async function prepare(manuscript: string, dir: string): Promise<PrintBody> {
  const { book } = await loadBook(manuscript);
  for (const file of await renderHtml(book)) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.data);
  }
  return await printBody(book, await loadHyphenator(book.config.lang));
}

/**
 * The front pages' and each chapter's layout as a real print of the whole book lays them
 * out: Chromium writes a destination, and so a page, for every element a link points to.
 */
async function printedLayout(body: PrintBody, dir: string): Promise<{ front: FrontLayout; chapters: Map<string, ChapterLayout> }> {
  const chapters = body.book.chapters.map((chapter) => chapter.id);
  const file = path.join(dir, 'reference.html');
  writeFileSync(file, renderPrintDocument(body, { measureIndex: [...frontPageIds, ...chapters.flatMap((id) => body.anchors.get(id)!)] }));
  const page = await session.browser.newPage();
  try {
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.evaluate('document.fonts.ready');
    const map = readPageMap(await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false })));
    const front = { pages: map.pages.get(chapters[0]!)! - 1, starts: Object.fromEntries(frontPageIds.map((id) => [id, map.pages.get(id)!])) };
    const layouts = chapters.map((id, index): [string, ChapterLayout] => {
      const start = map.pages.get(id)!;
      const next = index + 1 < chapters.length ? map.pages.get(chapters[index + 1]!)! : map.pageCount + 1;
      const anchors: Record<string, number> = {};
      for (const anchor of body.anchors.get(id)!) if (map.pages.has(anchor)) anchors[anchor] = map.pages.get(anchor)! - start;
      return [id, { pages: next - start, anchors }];
    });
    return { front, chapters: new Map(layouts) };
  } finally {
    await page.close();
  }
}

/** The book measured as the build measures a long book: in parts, here two, one per lane. */
async function measureInTwoParts(body: PrintBody, dir: string): Promise<BookLayout> {
  const total = body.book.chapters.reduce((sum, chapter) => sum + chapter.file.value.length, 0);
  const parts = splitBook(body.book, 2, Math.ceil(total / 2));
  assert.equal(parts.length, 2);
  const documents = partDocuments(body, parts, readTemplateFile('print/measure.css'));
  const pages = new PagePool([dir, templatesDir]);
  const options = { pages, dir, timeout: 120_000, extraText: '', lanes: 2, keep: () => false };
  const { layout, open } = await measureLayout({ ...options, browser: session.browser, body, parts, documents, known: new Map() });
  assert.equal(open.size, 0);
  return layout;
}

async function assertMeasureMatchesPrint(manuscript: string): Promise<void> {
  const dir = tempDir();
  const body = await prepare(manuscript, dir);
  const measured = await measureInTwoParts(body, dir);
  const printed = await printedLayout(body, dir);
  assert.deepEqual(measured.front, printed.front, 'the front pages');
  let anchors = 0;
  for (const [id, truth] of printed.chapters) {
    const layout = measured.chapters.get(id)!;
    assert.equal(layout.pages, truth.pages, `${id}: pages`);
    assert.deepEqual(layout.anchors, truth.anchors, `${id}: the page of every anchor`);
    anchors += Object.keys(truth.anchors).length;
  }
  assert.ok(anchors > body.book.chapters.length * 5, `${anchors} anchors compared`);
}

test('the column measure gives every chapter and anchor of the default book the page a real print gives it', async () => {
  await assertMeasureMatchesPrint(defaultManuscript);
});

test('the column measure holds at a trim whose text block is not a whole number of pixels (A5)', async () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(defaultManuscript, manuscript, { recursive: true });
  const yaml = path.join(manuscript, 'book.yaml');
  writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}trim: a5\n`);
  await assertMeasureMatchesPrint(manuscript);
});

test('the column measure gives every chapter and anchor of Moby-Dick the page a real print gives it', async () => {
  await assertMeasureMatchesPrint(mobyDickManuscript);
});

test('the column measure holds in a book written right to left, whose columns run from right to left', async () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(defaultManuscript, manuscript, { recursive: true });
  const yaml = path.join(manuscript, 'book.yaml');
  // The default book as if its language were Hebrew: every document `dir="rtl"`, its English paragraphs each `dir="ltr"`.
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/^lang: en$/m, 'lang: he'));
  await assertMeasureMatchesPrint(manuscript);
});
