import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer';
import { containPage } from '../browser/contain-page.ts';
import { readPageMap, type PageMap } from './page-map.ts';
import { renderPrintDocument, type PrintBody } from './print-document.ts';
import { frontPageIds } from './print-plan.ts';

/** How one chapter lays out, wherever it falls: how many pages, and each anchor's page counted from its first. */
export interface ChapterLayout {
  pages: number;
  anchors: Record<string, number>;
}

/** How the front pages lay out: how many, and the page each front page id begins on. */
export interface FrontLayout {
  pages: number;
  starts: Record<string, number>;
}

/** The layout of a whole book, by parts that do not depend on each other. */
export interface BookLayout {
  front: FrontLayout;
  chapters: ReadonlyMap<string, ChapterLayout>;
}

/** Options of {@link measureLayout}. */
export interface MeasureOptions {
  browser: Browser;
  body: PrintBody;
  /** Chapters whose layout is already known (from the layout cache); only the others are printed. */
  known: ReadonlyMap<string, ChapterLayout>;
  /** The folder of the staged web edition, where the measuring documents are written. */
  dir: string;
  /** Folders the pages may read from. */
  allowedDirs: readonly string[];
  /** How many parts to print side by side; one per core. */
  parts: number;
  timeout: number;
}

/**
 * Learns how the front pages and every chapter not in `known` lay out, without the
 * running heads, blanks or page numbers that depend on it. Chapters begin on new pages
 * and mirrored margins keep the measure the same on both sides, so a chapter lays out
 * the same wherever it falls. The chapters to measure are cut into parts of about equal
 * length, each printed (untagged, in its own browser context, so on its own core) after
 * the front pages, whose contents link every chapter and so make Chromium write a
 * destination for each; a hidden index links every page anchor for the same reason
 * (Chromium records the targets of links it does not show).
 */
export async function measureLayout(options: MeasureOptions): Promise<BookLayout> {
  const unknown = options.body.book.chapters.filter((chapter) => !options.known.has(chapter.id));
  const groups = splitChapters(unknown.map((chapter) => ({ id: chapter.id, size: chapter.file.value.length })), options.parts);
  const maps = await Promise.all(groups.map((group, index) => measurePart(options, group, index)));
  const chapters = new Map(options.known);
  let front: FrontLayout | undefined;
  groups.forEach((group, index) => {
    const map = maps[index]!;
    const starts = group.map((id) => map.pages.get(id)!);
    const frontPages = (starts[0] ?? map.pageCount + 1) - 1;
    front ??= {
      pages: frontPages,
      starts: Object.fromEntries(frontPageIds.filter((id) => map.pages.has(id)).map((id) => [id, map.pages.get(id)!])),
    };
    group.forEach((id, position) => {
      const start = starts[position]!;
      const next = starts[position + 1] ?? map.pageCount + 1;
      const anchors: Record<string, number> = {};
      for (const anchor of options.body.anchors.get(id)!) {
        const page = map.pages.get(anchor);
        if (page !== undefined) anchors[anchor] = page - start;
      }
      chapters.set(id, { pages: next - start, anchors });
    });
  });
  return { front: front!, chapters };
}

/** The page map of a whole book from the layouts of its parts: front pages, then each chapter in order. */
export function pageMapOf(body: PrintBody, layout: BookLayout): PageMap {
  const pages = new Map<string, number>(Object.entries(layout.front.starts));
  let next = layout.front.pages + 1;
  for (const chapter of body.book.chapters) {
    const measured = layout.chapters.get(chapter.id)!;
    pages.set(chapter.id, next);
    for (const [anchor, offset] of Object.entries(measured.anchors)) pages.set(anchor, next + offset);
    next += measured.pages;
  }
  return { pageCount: next - 1, pages };
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

/**
 * Consecutive runs of chapters of about equal length, by their source size. With no
 * chapters to measure there is still one empty part, which measures the front pages.
 */
function splitChapters(chapters: ReadonlyArray<{ id: string; size: number }>, parts: number): string[][] {
  const total = chapters.reduce((sum, chapter) => sum + chapter.size, 0);
  const groups: string[][] = [[]];
  let filled = 0;
  for (const chapter of chapters) {
    if (filled >= (total / parts) * groups.length && groups.length < parts) groups.push([]);
    groups.at(-1)!.push(chapter.id);
    filled += chapter.size;
  }
  return groups.filter((group, index) => group.length > 0 || index === 0);
}
