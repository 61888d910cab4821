import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { TimeoutError, type Page } from 'puppeteer';
import { containPage } from '../browser/contain-page.ts';
import type { BrowserSession } from '../browser/launch-browser.ts';
import { BrowserCrashError, EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import { templatesDir } from '../render/templates.ts';
import { finishPdf } from './finish-pdf.ts';
import { measureLayout } from './measure-layout.ts';
import { readPageMap } from './page-map.ts';
import { renderPrintDocument, type PrintBody } from './print-document.ts';
import { planHolds, planPrint, type PrintPlan } from './print-plan.ts';
import { printTimeoutMs } from './print-timeout.ts';

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  body: PrintBody;
  /** The browser, usually launched while the book was still being parsed. Closed here. */
  browser: Promise<BrowserSession>;
  /** Where to write the print document: beside the staged web edition, whose files it uses. */
  printDocument: string;
  /** Stamped into the PDF's dates. */
  date: Date;
  /** Longest one page load or print may take, in milliseconds. Default `printTimeoutMs()`. */
  timeout?: number;
}

/** What the PDF renderer produced. */
export interface RenderedPdf {
  pdf: Uint8Array;
  plan: PrintPlan;
  /** How many times Chromium printed the book (the measuring print counts once). */
  renders: number;
}

const maxRenders = 4;

/**
 * Prints the book with Chromium into a tagged PDF with an outline, at the book's trim.
 * Chromium cannot open chapters on rectos or number a contents page by itself, so the
 * book is first measured (see `measureLayout`), then printed with blank versos where
 * needed, page numbers in the contents and running heads fixed to the real pages; that
 * render is read back and must land every chapter where the plan said, or it is planned
 * and printed again. The browser closes while the PDF is finished.
 */
export async function renderPdf(options: PdfOptions): Promise<RenderedPdf> {
  const { book } = options.body;
  const chapterIds = book.chapters.map((chapter) => chapter.id);
  const firstBody = book.chapters.find((chapter) => chapter.matter === 'bodymatter') ?? book.chapters[0]!;
  const session = await options.browser;
  let closing: Promise<void> | undefined;
  let timeout = 0;
  try {
    timeout = options.timeout ?? printTimeoutMs();
    const allowedDirs = [path.dirname(options.printDocument), templatesDir];
    const measured = await measureLayout({
      browser: session.browser,
      body: options.body,
      dir: path.dirname(options.printDocument),
      allowedDirs,
      parts: Math.max(1, Math.min(os.availableParallelism(), 4)),
      timeout,
    });
    let plan = planPrint(chapterIds, firstBody.id, measured);
    const page = await session.browser.newPage();
    await containPage(page, allowedDirs);
    for (let renders = 2; renders <= maxRenders; renders++) {
      const bytes = await printOnce(page, options.printDocument, renderPrintDocument(options.body, { plan }), timeout);
      const document = await PDFDocument.load(bytes, { updateMetadata: false });
      const map = readPageMap(document);
      if (planHolds(plan, map)) {
        closing = session.close();
        return { pdf: await finishPdf(document, book, options.date), plan, renders };
      }
      plan = planPrint(chapterIds, firstBody.id, map, plan);
    }
    throw new EnvironmentError(`The print layout did not settle after ${maxRenders} renders`, ExitCode.output);
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    const { message } = error as Error;
    if (error instanceof TimeoutError) {
      throw new EnvironmentError(
        `Chromium did not finish printing within ${timeout / 1000} s (${message}); a very long book may need more: set QUIRE_PRINT_TIMEOUT to a number of seconds`,
        ExitCode.output,
      );
    }
    if (!session.browser.connected || /crash|target closed|session closed|connection closed|detached/i.test(message)) {
      throw new BrowserCrashError(`Chromium stopped while printing the PDF: ${message}`);
    }
    throw new EnvironmentError(`Chromium could not print the PDF: ${message}`, ExitCode.output);
  } finally {
    await (closing ?? session.close());
  }
}

/** Writes the print document and prints it, tagged and with bookmarks. */
async function printOnce(page: Page, file: string, html: string, timeout: number): Promise<Uint8Array> {
  await writeFile(file, html);
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout });
  await page.evaluate('document.fonts.ready');
  return page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true, timeout });
}
