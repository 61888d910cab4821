import path from 'node:path';
import type { VFile } from 'vfile';
import { loadBook } from './book/load-book.ts';
import { bookAsset } from './book/parse-book.ts';
import type { ParseStats } from './book/parse-chapters.ts';
import type { Book } from './book/types.ts';
import type { BookBrowser } from './browser/book-browser.ts';
import { needsCover, needsLayout } from './browser/browser-needs.ts';
import { SharedBrowser } from './browser/shared-browser.ts';
import { BuildCaches } from './build-caches.ts';
import { renderCover } from './epub/render-cover.ts';
import { EpubImages } from './epub/epub-images.ts';
import { renderEpub } from './epub/render-epub.ts';
import { pageBreaks } from './epub/page-list.ts';
import { renderHtml } from './html/render-html.ts';
import { bookSlug } from './output/book-slug.ts';
import { allFormats, type Format } from './output/formats.ts';
import { sizeOf } from './output/size-of.ts';
import { StagedOutput } from './output/staged-output.ts';
import { printBody, renderPrintDocument } from './pdf/print-document.ts';
import type { PrintPlan } from './pdf/print-plan.ts';
import { retryOnCrash } from './pdf/retry-on-crash.ts';
import { layOutBook, openPartPages, type RenderedPdf } from './pdf/render-pdf.ts';
import { settleAll } from './process/settle-all.ts';
import { loadHyphenator } from './render/hyphenate-tree.ts';

/**
 * A step of the build, for a progress display. A counting stage reports `done` of
 * `total` (chapters parsed, pages printed); `finished` is set, with one line saying what
 * was done, when a stage is complete.
 */
export interface BuildProgress {
  stage: 'parse' | 'html' | 'pdf' | 'epub';
  done?: number;
  total?: number;
  finished?: string;
}

/** What to build, from where, to where. */
export interface BuildOptions {
  manuscriptDir: string;
  outDir: string;
  formats: readonly Format[];
  /** The build's timestamp (see `sourceDate`). */
  date: Date;
  /** Told of every step; the build itself never writes to the terminal. */
  progress?: (event: BuildProgress) => void;
  /**
   * The browser to print with: a catalog's `BorrowedBrowser`, which outlives this build,
   * or a `SharedBrowser` started early for it (see `startBrowserEarly`), which the build
   * closes as its own. Without one the build starts its own and closes it when done.
   */
  browser?: BookBrowser;
}

/** One file or folder the build wrote. */
export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
}

/** The outcome of a successful build. */
export interface BuildResult {
  book: Book;
  /** Files with warnings (a successful build has no errors). */
  files: VFile[];
  outputs: BuiltOutput[];
  /** Pages of the PDF, when one was built. */
  pageCount?: number;
  /** Words in the book (see `countWords`). */
  words: number;
  /** How long each stage took, in milliseconds, in the order they finished. */
  timings: Array<{ stage: string; ms: number }>;
  /** Chapters parsed afresh and taken from the parse cache, and worker threads used. */
  parse: ParseStats;
}

/**
 * Builds a manuscript into the requested formats. Everything is rendered into a staging
 * folder first and moved into `outDir` only when every format succeeded; on any failure
 * `outDir` is left exactly as it was. Manuscript errors throw a `ManuscriptError`.
 *
 * The print layout is measured once and shared: the PDF follows it, and the EPUB marks
 * the print edition's page breaks from it (unless the book sets `page-list: none`, when an
 * EPUB alone needs no browser at all). Chromium starts while the book is parsed and
 * prints in its own processes while the EPUB is packed here, so both cores work.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = options.progress ?? (() => undefined);
  const timings: BuildResult['timings'] = [];
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ stage, ms: performance.now() - started });
    return result;
  };
  const wanted = new Set(options.formats);
  const browser = options.browser ?? new SharedBrowser();
  // Their writes to disk go on in the background until the build ends.
  const caches = new BuildCaches();
  const epubImages = wanted.has('epub') ? new EpubImages(caches.images) : undefined;
  let staging: StagedOutput | undefined;
  try {
    const { book, files, stats } = await timed('parse', () =>
      loadBook(options.manuscriptDir, {
        cache: caches.parse,
        // Only an unchanged book finds its whole layout in the layout cache; starting
        // Chromium beside the parse hides its start-up.
        onConfig: (config) => {
          if (needsLayout(wanted, config) || needsCover(wanted, config)) browser.warm();
          // The cover, often the book's largest image, is made ready beside the parse.
          if (config.coverImage) epubImages?.start(bookAsset(path.resolve(options.manuscriptDir), config.coverImage));
        },
        onChapter: (done, total) => progress({ stage: 'parse', done, total }),
      }),
    );
    progress({ stage: 'parse', finished: `parsed ${book.chapters.length} chapters` });
    const slug = bookSlug(book.config.title, book.config.identifier);
    const drawCover = needsCover(wanted, book.config);
    const measure = needsLayout(wanted, book.config);
    await browser.expect((measure ? 1 : 0) + (drawCover ? 1 : 0));
    const out = (staging = await StagedOutput.create(options.outDir));
    const images = epubImages?.all(book);
    // Awaited when the EPUB is packed; a build that fails before then must not leave it unhandled.
    images?.catch(() => undefined);
    // The renderers for the book's parts start while the book is rendered for the web and for
    // print here. Without a PDF, only what changed is measured: a page for each chapter
    // parsed afresh at most (one after an edit: a second would only slow the first down).
    const pages = measure ? openPartPages(browser, book, out.path('html'), wanted.has('pdf') ? Infinity : stats.parsed) : undefined;
    const names = new Map<Format, string>();

    const site = await timed('html', () => renderHtml(book, { pages: wanted.has('html') }));
    await out.writeAll(site.map((file) => ({ relative: `html/${file.path}`, data: file.data })));
    if (wanted.has('html')) names.set('html', 'html');
    const print = measure || wanted.has('html') ? await timed('print-body', async () => printBody(book, await loadHyphenator(book.config.lang), caches.print)) : undefined;
    progress({ stage: 'html', finished: 'rendered HTML' });

    const fontsCss = String(site.find((file) => file.path === 'fonts/fonts.css')!.data);
    const retrying = (crash: Error) => progress({ stage: 'pdf', finished: `${crash.message}; printing once more` });
    const printing = { body: print!, browser, dir: out.path('html'), fontsCss, forPrint: wanted.has('pdf'), pages };
    const laidOut = measure
      ? timed('measure', () => retryOnCrash(browser, () => layOutBook(printing), retrying)).then((book) => {
          if (wanted.has('pdf')) progress({ stage: 'pdf', done: 0, total: book.plan.pageCount });
          return book;
        })
      : undefined;
    if (laidOut && !wanted.has('pdf')) void laidOut.then(() => browser.release(), () => undefined);
    const pdf: Promise<RenderedPdf | undefined> = wanted.has('pdf')
      ? laidOut!.then((book) => timed('pdf', () => retryOnCrash(browser, () => book.print(options.date), retrying)))
      : Promise.resolve(undefined);
    const cover = drawCover ? drawnCover(book, browser, out.path('html')) : Promise.resolve(undefined);
    const packEpub = async (plan: PrintPlan | undefined, generatedCover: Uint8Array | undefined) =>
      timed('epub', async () => renderEpub(book, { modified: options.date, generatedCover, pageBreaks: plan && pageBreaks(print!, plan), images, cache: caches.epub }));
    const pageList = book.config.pageList === 'print';
    const epub = wanted.has('epub') ? Promise.all([pageList ? laidOut?.then((book) => book.plan) : undefined, cover]).then(([plan, drawn]) => packEpub(plan, drawn)) : Promise.resolve(undefined);

    const [pdfResult, epubBytes] = await settleAll([pdf, epub]);
    // The web edition's print view: the document the PDF was printed from, as one file.
    if (print && wanted.has('html')) await out.write('html/print.html', renderPrintDocument(print, { plan: pdfResult?.plan }));
    if (pdfResult) {
      await out.write(`${slug}.pdf`, pdfResult.pdf);
      names.set('pdf', `${slug}.pdf`);
      progress({ stage: 'pdf', done: pdfResult.plan.pageCount, total: pdfResult.plan.pageCount });
      progress({ stage: 'pdf', finished: `printed ${pdfResult.plan.pageCount} pages` });
    }
    if (epubBytes) {
      // The PDF found the layout off its plan and printed again: follow its final layout.
      const final = pageList && pdfResult && pdfResult.renders > 1 ? await packEpub(pdfResult.plan, await cover) : epubBytes;
      await out.write(`${slug}.epub`, final);
      names.set('epub', `${slug}.epub`);
      progress({ stage: 'epub', finished: 'packed EPUB' });
    }
    const ordered = allFormats.filter((format) => names.has(format));
    const committed = await out.commit(ordered.map((format) => names.get(format)!));
    const outputs = await Promise.all(
      ordered.map(async (format, index) => ({ format, path: committed[index]!, bytes: await sizeOf(committed[index]!) })),
    );
    // Once a day, entries no build has used for a month go.
    await caches.prune();
    return { book, files, outputs, pageCount: pdfResult?.plan.pageCount, words: book.chapters.reduce((sum, chapter) => sum + chapter.words, 0), timings, parse: stats };
  } finally {
    await Promise.all([staging?.discard(), browser.close(), caches.settled()]);
  }
}

/** A cover drawn from the templates, for a book without one; releases the browser after. */
async function drawnCover(book: Book, browser: BookBrowser, dir: string): Promise<Uint8Array> {
  try {
    return await renderCover(book, await browser.acquire(), dir);
  } finally {
    await browser.release();
  }
}
