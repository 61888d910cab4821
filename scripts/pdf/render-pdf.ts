import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PDFDocument } from 'pdf-lib';
import { TimeoutError, type Browser, type Page } from 'puppeteer';
import { containPage } from '../browser/contain-page.ts';
import type { BookBrowser } from '../browser/book-browser.ts';
import { BrowserCrashError, EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import { startConcurrently } from '../process/run-concurrently.ts';
import { templatesDir } from '../render/templates.ts';
import { appendPdfPart } from './append-pdf-part.ts';
import { finishPdf } from './finish-pdf.ts';
import { layoutKeys, readCachedLayout, writeCachedLayout } from './layout-cache.ts';
import { measureLayout, pageMapOf, type ChapterLayout, type FrontLayout } from './measure-layout.ts';
import { withDocumentPage } from './document-page.ts';
import { loadPdf } from './load-pdf.ts';
import { readPageMap } from './page-map.ts';
import { normalizeStructureIds } from './normalize-structure-ids.ts';
import { renderPrintDocument, type PrintBody } from './print-document.ts';
import { partDocuments, partPages, printParts } from './print-parts.ts';
import { retagFontSubsets } from './retag-font-subsets.ts';
import { planHolds, planPrint, type PrintPlan } from './print-plan.ts';
import { printTimeoutMs } from './print-timeout.ts';

/** What printing needs: the serialised book, the build's browser and where the files are. */
export interface PrintOptions {
  body: PrintBody;
  /** The build's browser, usually started while the book was still being parsed. */
  browser: BookBrowser;
  /** The staged web edition's folder: print and measuring documents are written there, and use its files. */
  dir: string;
  /** Longest one page load or print may take, in milliseconds. Default `printTimeoutMs()`. */
  timeout?: number;
  /** The most pages one print document should hold (see `partPages`). Default `pagesPerPart`. */
  pagesPerPart?: number;
}

/** What the PDF renderer produced. */
export interface RenderedPdf {
  pdf: Uint8Array;
  /** The layout of the PDF as printed. */
  plan: PrintPlan;
  /** How many times Chromium printed the whole book after measuring it. */
  renders: number;
}

const maxRenders = 3;

/**
 * Plans the print layout: learns where every chapter and page anchor falls, measuring
 * (see `measureLayout`) only the front pages and chapters the layout cache does not
 * already hold, then decides the blank versos that make chapters open on rectos.
 * The EPUB's page list and the PDF both follow this plan.
 */
export async function measurePrint(options: PrintOptions & { fontsCss: string }): Promise<PrintPlan> {
  const { book } = options.body;
  const timeout = options.timeout ?? printTimeoutMs();
  try {
    const keys = await layoutKeys(options.body, options.fontsCss);
    const cached = await Promise.all([...keys.chapters].map(async ([id, key]) => [id, await readCachedLayout<ChapterLayout>(key)] as const));
    const known = new Map(cached.filter((entry): entry is readonly [string, ChapterLayout] => entry[1] !== undefined));
    let front = await readCachedLayout<FrontLayout>(keys.front);
    let chapters: ReadonlyMap<string, ChapterLayout> = known;
    if (!front || known.size < keys.chapters.size) {
      const session = await options.browser.acquire();
      const layout = await measureLayout({
        browser: session.browser,
        body: options.body,
        known,
        dir: options.dir,
        allowedDirs: allowedDirs(options),
        lanes: os.availableParallelism(),
        timeout,
      });
      front = layout.front;
      chapters = layout.chapters;
      const measuredNow = [...keys.chapters].filter(([id]) => !known.has(id));
      await Promise.all([writeCachedLayout(keys.front, front), ...measuredNow.map(([id, key]) => writeCachedLayout(key, chapters.get(id)!))]);
    }
    const measured = pageMapOf(options.body, { front, chapters });
    return planPrint(book.chapters.map((chapter) => chapter.id), firstBodyId(options.body), measured, options.body.anchors);
  } catch (error) {
    throw asPrintError(error, timeout);
  }
}

/**
 * Prints the book with Chromium into a tagged PDF with an outline, at the book's trim,
 * following `plan`: blank versos where needed, page numbers in the contents and running
 * heads fixed to the real pages (Chromium has no `target-counter()`, `string-set` or
 * `break-before: right`). A long book is printed in parts of a few hundred pages (see
 * `printParts`) joined into one PDF. The render is read back and must land every chapter
 * where the plan said, or it is planned and printed again. The browser is released while
 * the PDF is finished.
 */
export async function printBook(options: PrintOptions & { plan: PrintPlan; date: Date }): Promise<RenderedPdf> {
  const { book } = options.body;
  const timeout = options.timeout ?? printTimeoutMs();
  const session = await options.browser.acquire();
  let released: Promise<void> | undefined;
  const done = () => (released ??= options.browser.release());
  try {
    let plan = options.plan;
    for (let renders = 1; renders <= maxRenders; renders++) {
      const document = await printInParts(session.browser, options, plan, timeout);
      const map = readPageMap(document);
      if (planHolds(plan, map)) {
        void done();
        return { pdf: await finishPdf(document, book, options.date), plan, renders };
      }
      plan = planPrint(book.chapters.map((chapter) => chapter.id), firstBodyId(options.body), map, options.body.anchors, plan);
    }
    throw new EnvironmentError(`The print layout did not settle after ${maxRenders} renders`, ExitCode.output);
  } catch (error) {
    throw asPrintError(error, timeout, session.browser.connected);
  } finally {
    await done();
  }
}

/**
 * Prints each part of the book following `plan` (see `printParts`; a long book is cut
 * into as many parts as there are cores, or a multiple of that to keep each under
 * `pagesPerPart`), the parts side by side, each in a browser context of its own and so
 * on its own core, and joins them in order as they come, structure ids numbered on
 * across parts and font subsets tagged apart.
 */
async function printInParts(browser: Browser, options: PrintOptions, plan: PrintPlan, timeout: number): Promise<PDFDocument> {
  const chapterIds = options.body.book.chapters.map((chapter) => chapter.id);
  const lanes = os.availableParallelism();
  const parts = printParts(chapterIds, plan, partPages(plan.pageCount, lanes, options.pagesPerPart));
  const documents = [...partDocuments(options.body, plan, parts)];
  const printing = startConcurrently(documents, lanes, ({ html }, index) => printPart(browser, options, html, index, timeout));
  let joined: PDFDocument | undefined;
  let nextId = 1;
  const fontTags = new Set<string>();
  for (const [index, bytes] of printing.entries()) {
    const printed = await loadPdf(await bytes);
    nextId = normalizeStructureIds(printed, nextId);
    retagFontSubsets(printed, fontTags);
    if (joined) appendPdfPart(joined, printed, new Set(documents[index]!.outsideTargets));
    else joined = printed;
  }
  return joined!;
}

/** Prints one part's document, tagged and with bookmarks, in a page of its own (see `withDocumentPage`). */
function printPart(browser: Browser, options: PrintOptions, html: string, index: number, timeout: number): Promise<Uint8Array> {
  const file = path.join(options.dir, `.print-part-${index}.html`);
  return withDocumentPage({ browser, file, html, allowedDirs: allowedDirs(options), timeout }, (page) =>
    page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true, timeout }),
  );
}

function firstBodyId(body: PrintBody): string {
  const chapters = body.book.chapters;
  return (chapters.find((chapter) => chapter.matter === 'bodymatter') ?? chapters[0]!).id;
}

function allowedDirs(options: PrintOptions): string[] {
  return [options.dir, templatesDir];
}

/**
 * A failure of Chromium as the user should read it: past the time limit (with how to
 * raise it), crashed or killed (a {@link BrowserCrashError}, which may be retried), or
 * another error.
 */
function asPrintError(error: unknown, timeout: number, connected = true): Error {
  if (error instanceof EnvironmentError) return error;
  const { message } = error as Error;
  if (error instanceof TimeoutError) {
    return new EnvironmentError(
      `Chromium did not finish printing within ${timeout / 1000} s (${message}); a very long book may need more: set QUIRE_PRINT_TIMEOUT to a number of seconds`,
      ExitCode.output,
    );
  }
  if (!connected || /crash|target closed|session closed|connection closed|detached/i.test(message)) {
    return new BrowserCrashError(`Chromium stopped while printing the PDF: ${message}`);
  }
  return new EnvironmentError(`Chromium could not print the PDF: ${message}`, ExitCode.output);
}
