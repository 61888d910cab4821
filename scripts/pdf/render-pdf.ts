import os from 'node:os';
import type { Browser } from 'puppeteer';
import type { Book } from '../book/types.ts';
import type { BookBrowser } from '../browser/book-browser.ts';
import { PagePool } from '../browser/page-pool.ts';
import { BrowserCrashError, EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import { startConcurrently } from '../process/run-concurrently.ts';
import { partOpenedBy } from '../render/part-page.ts';
import { readTemplateFile, templatesDir } from '../render/templates.ts';
import { partDocuments, partPlan, splitBlocks, splitBook, type BookPart, type PartDocument } from './book-parts.ts';
import { generatedText } from './css-generated-text.ts';
import { LayoutCache, layoutKeys, type LayoutKeys } from './layout-cache.ts';
import { measureLayout, pageMapOf, type BookLayout, type ChapterLayout, type FrontLayout } from './measure-layout.ts';
import type { PageMap } from './page-map.ts';
import { PartPage, type PartPageOptions } from './part-page.ts';
import type { PrintBody } from './print-document.ts';
import { reportOverflows } from './report-overflows.ts';
import { planHolds, planPrint, type PrintPlan } from './print-plan.ts';
import { printTimeoutMs } from './print-timeout.ts';

/** What laying out and printing need: the serialised book, the build's browser and where the files are. */
export interface PrintOptions {
  body: PrintBody;
  /** The build's browser, usually started while the book was still being parsed. */
  browser: BookBrowser;
  /** The staged web edition's folder: the parts' documents are written there, and use its files. */
  dir: string;
  /** The staged fonts' style sheet, part of what the layout cache keys on. */
  fontsCss: string;
  /** Whether the book will be printed: the measured parts' pages are then kept open for it. */
  forPrint: boolean;
  /** Longest one page load or print may take, in milliseconds. Default `printTimeoutMs()`. */
  timeout?: number;
  /** About how much Markdown one part should hold (see `splitBook`). Default `charactersPerPart`. */
  charactersPerPart?: number;
  /** Pages opened ahead for the parts (see {@link openPartPages}); else they are opened as needed. */
  pages?: PagePool;
  /** Where measured layouts are kept between builds. Default: the cache every build shares (`LayoutCache.persistent`). */
  layoutCache?: LayoutCache;
}

/** What the PDF renderer produced. */
export interface RenderedPdf {
  pdf: Uint8Array;
  /** The layout of the PDF as printed. */
  plan: PrintPlan;
  /** How many times Chromium printed the whole book after measuring it. */
  renders: number;
}

/** A book whose print layout is known, some of its parts perhaps still open in the browser, ready to print. */
export interface LaidOutBook {
  /** Where everything lands in print: the EPUB's page list and the PDF both follow it. */
  plan: PrintPlan;
  /**
   * Prints the book into a tagged PDF with an outline, at the book's trim, following the
   * plan: blank versos where needed, page numbers in the contents and running heads fixed
   * to the real pages (Chromium has no `target-counter()`, `string-set` or `break-before:
   * right`). Each part is printed in its own page, `lanes` at a time, the parts still open
   * from measuring first, the others opened again; they are joined in order into one PDF.
   * The join is read back and must land every chapter where the plan said, or it is
   * planned and printed again. The browser is released while the PDF is finished.
   */
  print(date: Date): Promise<RenderedPdf>;
  /** Closes whatever parts are still open (after a failure elsewhere, or when nothing is printed). */
  close(): Promise<void>;
}

const maxRenders = 3;

/**
 * Starts opening, in `browser`, a page for each part the book will be laid out in (see
 * `splitBook`), but no more than `most`, contained to the staged folder `dir` and the
 * templates: called as soon as the book is parsed, the renderers start while the book is
 * serialised for print. More pages than that are opened when asked for.
 */
export function openPartPages(browser: BookBrowser, book: Book, dir: string, most = Infinity): PagePool {
  return partPagePool(dir).openAhead(browser, Math.min(most, splitBook(book, os.availableParallelism()).length));
}

/** A pool of pages for the parts, contained to the staged folder `dir` and the templates (fonts and styles). */
function partPagePool(dir: string): PagePool {
  return new PagePool([dir, templatesDir]);
}

/**
 * Lays the book out for print: cuts it into parts (see `splitBook`), measures (see
 * `measureLayout`) only the front pages and chapters the layout cache does not already
 * hold, then plans the blank versos that make chapters open on rectos. A book to be
 * printed keeps the last parts measured open, one per core, so they are loaded once.
 */
export async function layOutBook(options: PrintOptions): Promise<LaidOutBook> {
  const { body } = options;
  const timeout = options.timeout ?? printTimeoutMs();
  const lanes = os.availableParallelism();
  const parts = splitBook(body.book, lanes, options.charactersPerPart);
  const pages = options.pages ?? partPagePool(options.dir);
  const pageOptions = { pages, dir: options.dir, timeout, extraText: textBesideDocument(body) };
  let open = new Map<number, PartPage>();
  try {
    const keys = await layoutKeys(body, options.fontsCss);
    const layoutCache = options.layoutCache ?? LayoutCache.persistent();
    const cached = [...keys.chapters].map(([id, key]) => [id, layoutCache.read<ChapterLayout>(key)] as const);
    const known = new Map(cached.filter((entry): entry is readonly [string, ChapterLayout] => entry[1] !== undefined));
    const cachedFront = layoutCache.read<FrontLayout>(keys.front);
    const toMeasure = !cachedFront || known.size < keys.chapters.size;
    // A book to be printed is measured in the parts it prints in, whose pages stay open to
    // print; for an EPUB's page list alone, the parts hold only what the cache lacks.
    const measuring = options.forPrint ? parts : partsToMeasure(body, lanes, known, cachedFront !== undefined, options.charactersPerPart);
    const measureCss = readTemplateFile('print/measure.css');
    const documents = options.forPrint ? partDocuments(body, parts, measureCss) : [];
    let layout: BookLayout;
    if (toMeasure) {
      const measured = await measureLayout({
        ...pageOptions,
        // Waited for only when there is something to measure.
        browser: (await options.browser.acquire()).browser,
        body,
        parts: measuring,
        documents: options.forPrint ? documents : partDocuments(body, measuring, measureCss),
        known,
        knownFront: cachedFront,
        lanes,
        keep: (index) => options.forPrint && index >= parts.length - lanes,
      });
      ({ layout, open } = measured);
      const measuredNow = [...keys.chapters].filter(([id]) => !known.has(id));
      layoutCache.write(keys.front, layout.front);
      for (const [id, key] of measuredNow) layoutCache.write(key, layout.chapters.get(id)!);
      await layoutCache.settled();
    } else {
      layout = { front: cachedFront, chapters: known };
    }
    reportOverflows(body.book, layout.chapters);
    const plan = planFrom(body, pageMapOf(body, layout));
    if (!options.forPrint) await pages.close();
    return new PrintableBook({ ...options, timeout, lanes, parts, documents, pageOptions, keys, layoutCache }, plan, open);
  } catch (error) {
    await Promise.all([pages.close(), ...[...open.values()].map((page) => page.close())]);
    throw asPrintError(error, timeout);
  }
}

/**
 * The parts to measure a book in when it is not to be printed: only the chapters whose
 * layout `known` lacks, cut as `splitBook` cuts a book (one part when they are few), and
 * the front pages in the first part unless `frontKnown`. A chapter lays out the same in
 * any document, so after an edit Chromium loads and lays out the edited chapter, not the
 * half of the book around it.
 */
function partsToMeasure(body: PrintBody, lanes: number, known: ReadonlyMap<string, ChapterLayout>, frontKnown: boolean, most?: number): BookPart[] {
  const parts = splitBlocks(body.blocks.filter((block) => !known.has(block.id)), lanes, most).map((part) => ({ ...part, front: part.front && !frontKnown }));
  return parts.length === 0 && !frontKnown ? [{ chapterIds: [], front: true }] : parts;
}

/** Everything {@link PrintableBook} prints from. */
interface PrintableParts extends PrintOptions {
  timeout: number;
  lanes: number;
  parts: readonly BookPart[];
  documents: readonly PartDocument[];
  pageOptions: Omit<PartPageOptions, 'browser'>;
  /** The book's keys in the layout cache. */
  keys: LayoutKeys;
  layoutCache: LayoutCache;
}

/** A laid out book, its parts each still open in a page or to be opened again (see `LaidOutBook`). */
class PrintableBook implements LaidOutBook {
  constructor(
    private readonly printing: PrintableParts,
    readonly plan: PrintPlan,
    private open: Map<number, PartPage>,
  ) {}

  async print(date: Date): Promise<RenderedPdf> {
    const { body, browser, timeout } = this.printing;
    const session = await browser.acquire();
    let released: Promise<void> | undefined;
    const done = () => (released ??= browser.release());
    try {
      // pdf-lib, a large share of the toolchain's code (see docs/performance.md), is
      // loaded only by a build that prints, while Chromium prints.
      const pdfModules = Promise.all([import('./join-pdf-parts.ts'), import('./page-map.ts'), import('./finish-pdf.ts')]);
      let plan = this.plan;
      for (let renders = 1; renders <= maxRenders; renders++) {
        const printed = this.printParts(session.browser, plan);
        const [{ joinPdfParts }, { readPageMap }, { finishPdf }] = await pdfModules;
        const document = await joinPdfParts(printed, this.printing.documents);
        const map = readPageMap(document);
        if (planHolds(plan, map)) {
          void this.close().then(done);
          // Printed again: the layout the plan came from was wrong, and is not to be reused.
          if (renders > 1) await this.printing.layoutCache.drop(this.printing.keys);
          return { pdf: await finishPdf(document, body.book, date), plan, renders };
        }
        plan = planFrom(body, map, plan);
      }
      throw new EnvironmentError(`The print layout did not settle after ${maxRenders} renders`, ExitCode.output);
    } catch (error) {
      await this.close();
      throw asPrintError(error, timeout, session.browser.connected);
    } finally {
      await done();
    }
  }

  async close(): Promise<void> {
    const pages = [...this.open.values()];
    this.open = new Map();
    await Promise.all([this.printing.pageOptions.pages.close(), ...pages.map((page) => page.close())]);
  }

  /**
   * Prints every part following `plan`, `lanes` at a time, the ones still open first;
   * returns each part's PDF, in the book's order, as soon as it is printed.
   */
  private printParts(browser: Browser, plan: PrintPlan): Array<Promise<Uint8Array>> {
    const { body, parts, documents, lanes, pageOptions } = this.printing;
    const order = [...new Set([...this.open.keys(), ...parts.keys()])];
    const printing = startConcurrently(order, lanes, async (index) => {
      const page = this.open.get(index) ?? (await PartPage.open({ ...pageOptions, browser }, `part-${index}`, documents[index]!.html, false));
      this.open.delete(index);
      try {
        return await page.print(partPlan(body, plan, parts, index));
      } finally {
        await page.close();
      }
    });
    const printed = new Map(order.map((index, position) => [index, printing[position]!]));
    return [...parts.keys()].map((index) => printed.get(index)!);
  }
}

/**
 * What the printed parts show that their documents do not hold as text, whose faces must
 * be loaded too: the running heads (the book's title and every chapter's) and what the
 * print styles write with `content`.
 */
function textBesideDocument(body: PrintBody): string {
  const heads = [body.book.config.title, ...body.book.chapters.map((chapter) => chapter.title)];
  const styles = ['styles/base.css', 'styles/print.css'].map((name) => generatedText(readTemplateFile(name)));
  return [...heads, ...styles].join('\n');
}

/** The plan of `body` from where its chapters and anchors fall in `map` (see `planPrint`), after `previous` if it was printed. */
function planFrom(body: PrintBody, map: PageMap, previous?: PrintPlan): PrintPlan {
  const chapters = body.book.chapters;
  const firstChapter = chapters.find((chapter) => chapter.matter === 'bodymatter') ?? chapters[0]!;
  // A part that the body's first chapter opens counts from its title page.
  const firstBody = partOpenedBy(body.book, firstChapter.id)?.id ?? firstChapter.id;
  return planPrint(body.blocks, firstBody, map, body.anchors, previous);
}

/**
 * A failure of Chromium as the user should read it: past the time limit (with how to
 * raise it), crashed or killed (a {@link BrowserCrashError}, which may be retried), or
 * another error.
 */
function asPrintError(error: unknown, timeout: number, connected = true): Error {
  if (error instanceof EnvironmentError) return error;
  const { message } = error as Error;
  // Puppeteer's TimeoutError, known by its name so that this module does not load Puppeteer.
  if ((error as Error).name === 'TimeoutError') {
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
