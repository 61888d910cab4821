import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import type { Book } from '../book/types.ts';
import { containPage } from '../browser/contain-page.ts';
import { readPageMap, type PageMap } from './page-map.ts';
import { renderPrintDocument, type PrintBody } from './print-document.ts';
import { frontPageIds } from './print-plan.ts';

/** Options of {@link measureLayout}. */
export interface MeasureOptions {
  browser: Browser;
  body: PrintBody;
  /** The folder of the staged web edition, where the measuring documents are written. */
  dir: string;
  /** Folders the pages may read from. */
  allowedDirs: readonly string[];
  /** How many parts to print side by side; one per core. */
  parts: number;
  timeout: number;
}

/**
 * Learns where every chapter starts without the running heads, blanks or page numbers
 * that depend on it. Chapters begin on new pages and mirrored margins keep the measure
 * the same on both sides, so a chapter lays out the same wherever it falls: the book is
 * cut into parts of about equal length, each printed (untagged, in its own browser
 * context, so on its own core) after the same front pages, whose contents link every
 * chapter and so make Chromium write a destination for each; a hidden index links every
 * page anchor for the same reason (Chromium records targets of links it does not show).
 * The parts' pages then add up.
 */
export async function measureLayout(options: MeasureOptions): Promise<PageMap> {
  const groups = splitChapters(options.body.book, options.parts);
  const maps = await Promise.all(groups.map((group, index) => measurePart(options, group, index)));
  const pages = new Map<string, number>();
  let before = 0;
  groups.forEach((group, index) => {
    const map = maps[index]!;
    const frontPages = Math.min(...group.map((id) => map.pages.get(id) ?? Infinity)) - 1;
    const lastPage = map.pageCount;
    if (index === 0) for (const id of frontPageIds) if (map.pages.has(id)) pages.set(id, map.pages.get(id)!);
    for (const id of group.flatMap((chapterId) => [chapterId, ...options.body.anchors.get(chapterId)!])) {
      const page = map.pages.get(id);
      if (page !== undefined) pages.set(id, index === 0 ? page : before + page - frontPages);
    }
    before += index === 0 ? lastPage : lastPage - frontPages;
  });
  return { pageCount: before, pages };
}

async function measurePart(options: MeasureOptions, chapterIds: string[], index: number): Promise<PageMap> {
  const context = await options.browser.createBrowserContext();
  const file = path.join(options.dir, `.measure-${index}.html`);
  try {
    const page = await context.newPage();
    await containPage(page, options.allowedDirs);
    const measureIndex = [...frontPageIds, ...chapterIds.flatMap((id) => options.body.anchors.get(id)!)];
    await writeFile(file, renderPrintDocument(options.body, { chapterIds: new Set(chapterIds), measureIndex }));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: options.timeout });
    await page.evaluate('document.fonts.ready');
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false, timeout: options.timeout });
    return readPageMap(await PDFDocument.load(bytes, { updateMetadata: false }));
  } finally {
    await context.close();
    await rm(file, { force: true });
  }
}

/** Consecutive runs of chapters of about equal length, by their serialised size. */
function splitChapters(book: Book, parts: number): string[][] {
  const sizes = book.chapters.map((chapter) => chapter.file.value.length);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const groups: string[][] = [[]];
  let filled = 0;
  book.chapters.forEach((chapter, index) => {
    if (filled >= (total / parts) * groups.length && groups.length < parts) groups.push([]);
    groups.at(-1)!.push(chapter.id);
    filled += sizes[index]!;
  });
  return groups.filter((group) => group.length > 0);
}
