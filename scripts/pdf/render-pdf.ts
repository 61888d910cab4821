import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import type { Book } from '../book/types.ts';
import { containPage } from '../browser/contain-page.ts';
import { launchBrowser } from '../browser/launch-browser.ts';
import { EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import { templatesDir } from '../render/templates.ts';
import { readPageMap } from './page-map.ts';
import { renderPrintDocument, type PrintBody } from './print-document.ts';
import { planHolds, planPrint, type PrintPlan } from './print-plan.ts';
import { finishPdf } from './finish-pdf.ts';

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  body: PrintBody;
  /** Where to write the print document: beside the staged web edition, whose files it uses. */
  printDocument: string;
  /** Stamped into the PDF's dates. */
  date: Date;
  /** Longest one print may take, in milliseconds. */
  timeout?: number;
}

/** What the PDF renderer produced. */
export interface RenderedPdf {
  pdf: Uint8Array;
  plan: PrintPlan;
  /** How many times Chromium printed the book. */
  renders: number;
}

const maxRenders = 4;

/**
 * Prints the book with Chromium into a tagged PDF with an outline, at the book's trim.
 * Chromium cannot open chapters on rectos or number a contents page by itself, so the
 * book is printed once to learn where every chapter starts, then again with blank versos
 * where needed, page numbers in the contents and running heads fixed to the real pages;
 * that render is read back and must land every chapter where the plan said.
 */
export async function renderPdf(options: PdfOptions): Promise<RenderedPdf> {
  const { book } = options.body;
  const chapterIds = book.chapters.map((chapter) => chapter.id);
  const firstBody = book.chapters.find((chapter) => chapter.matter === 'bodymatter') ?? book.chapters[0]!;
  const session = await launchBrowser();
  try {
    const page = await session.browser.newPage();
    await containPage(page, [path.dirname(options.printDocument), templatesDir]);
    let plan: PrintPlan | undefined;
    for (let renders = 1; renders <= maxRenders; renders++) {
      const pdf = await printOnce(page, options, renderPrintDocument(options.body, plan));
      const map = await readPageMap(pdf);
      if (plan && planHolds(plan, map)) {
        return { pdf: await finishPdf(pdf, book, options.date), plan, renders };
      }
      plan = planPrint(chapterIds, firstBody.id, map, plan);
    }
    throw new EnvironmentError(`The print layout did not settle after ${maxRenders} renders`, ExitCode.output);
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`Chromium could not print the PDF: ${(error as Error).message}`, ExitCode.output);
  } finally {
    await session.close();
  }
}

async function printOnce(page: Page, options: PdfOptions, html: string): Promise<Uint8Array> {
  await writeFile(options.printDocument, html);
  const timeout = options.timeout ?? 300_000;
  await page.goto(pathToFileURL(options.printDocument).href, { waitUntil: 'load', timeout });
  await page.evaluate('document.fonts.ready');
  return page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true, timeout });
}
