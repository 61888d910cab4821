import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { runConcurrently } from '../process/run-concurrently.ts';
import { readTemplateFile } from '../render/templates.ts';
import { layOutInColumns, readTextBlock } from './column-layout.ts';
import { withDocumentPage } from './document-page.ts';
import { loadPdf } from './load-pdf.ts';
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
  /** How many parts to lay out side by side; one per core. */
  lanes: number;
  timeout: number;
}

/**
 * About how much Markdown one measuring document holds (some 250,000 words): the renderer
 * holds the whole document, so a very long book is measured in more parts than there are
 * cores, a core's worth at a time, to keep memory in bounds.
 */
const charactersPerPart = 1_500_000;

/**
 * Below this much Markdown (some 35,000 words) the chapters are measured in one part: a
 * second renderer would take longer to start than the half of the layout it saves.
 */
const charactersWorthSharing = 200_000;

/**
 * Learns how the front pages and every chapter not in `known` lay out, without the
 * running heads, blanks or page numbers that depend on it. Chapters begin on new pages
 * and mirrored margins keep the text block the same on both sides, so a chapter lays out
 * the same wherever it falls, and it is measured on its own: set in columns the size of
 * the text block (see `column-layout.ts`), with no PDF made. The chapters are cut into
 * parts of about equal length, one per lane (core) or a multiple of that for a very long
 * book (one part for a short one), each laid out in its own browser context (so on its own core), `lanes` at a time,
 * beside a print of the front pages alone, which are few and use named pages.
 */
export async function measureLayout(options: MeasureOptions): Promise<BookLayout> {
  const unknown = options.body.book.chapters.filter((chapter) => !options.known.has(chapter.id));
  const sizes = unknown.map((chapter) => ({ id: chapter.id, size: chapter.file.value.length }));
  const total = sizes.reduce((sum, chapter) => sum + chapter.size, 0);
  const partCount = total < charactersWorthSharing ? 1 : options.lanes * Math.ceil(total / (options.lanes * charactersPerPart));
  const groups = splitChapters(sizes, partCount);
  const [front, parts] = await Promise.all([
    measureFront(options),
    runConcurrently(groups, options.lanes, (group, index) => measureChapters(options, group, index)),
  ]);
  const chapters = new Map(options.known);
  for (const part of parts) for (const [id, layout] of Object.entries(part)) chapters.set(id, layout);
  return { front, chapters };
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

/** Prints the front pages alone (untagged) and reads where each begins and how many there are. */
async function measureFront(options: MeasureOptions): Promise<FrontLayout> {
  return inMeasuringPage(options, 'front', renderPrintDocument(options.body, { chapterIds: new Set(), measureIndex: frontPageIds }), async (page) => {
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: false, outline: false, timeout: options.timeout });
    const map = readPageMap(await loadPdf(bytes));
    return { pages: map.pageCount, starts: Object.fromEntries(frontPageIds.filter((id) => map.pages.has(id)).map((id) => [id, map.pages.get(id)!])) };
  });
}

/** Lays out the chapters `chapterIds` in print-sized columns and reads their layouts. */
async function measureChapters(options: MeasureOptions, chapterIds: string[], index: number): Promise<Record<string, ChapterLayout>> {
  const measureStyles = readTemplateFile('print/measure.css');
  const html = renderPrintDocument(options.body, { chapterIds: new Set(chapterIds), measureStyles });
  const anchors = Object.fromEntries(chapterIds.map((id) => [id, options.body.anchors.get(id)!]));
  return inMeasuringPage(options, `part-${index}`, html, async (page) => {
    // tsx compiles with esbuild's keepNames, which wraps named functions in `__name()`:
    // functions sent to the page find that helper there.
    await page.evaluate('globalThis.__name = (target) => target');
    const { trim } = options.body.book.config;
    const pageRules = [readTemplateFile('styles/print.css'), `@page { size: ${trim.width}in ${trim.height}in; }`];
    const block = await page.evaluate(readTextBlock, pageRules);
    return page.evaluate(layOutInColumns, block, anchors);
  });
}

/**
 * Runs `work` on `html` in a page of its own, set to print media (see `withDocumentPage`).
 * The chapters' measuring document shows its body only when `work` asks for the layout
 * (see `measure.css`), so Chromium lays it out once, in its own faces.
 */
function inMeasuringPage<T>(options: MeasureOptions, name: string, html: string, work: (page: Page) => Promise<T>): Promise<T> {
  const file = path.join(options.dir, `.measure-${name}.html`);
  return withDocumentPage({ browser: options.browser, file, html, allowedDirs: options.allowedDirs, timeout: options.timeout, printMedia: true }, work);
}

/**
 * Consecutive runs of chapters of about equal length, by their source size; no part is
 * empty, so with no chapters to measure there are none.
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
  return groups.filter((group) => group.length > 0);
}
