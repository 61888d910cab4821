import type { BookBrowser } from '../browser/book-browser.ts';
import type { PagePool } from '../browser/page-pool.ts';
import { renderCover } from '../epub/render-cover.ts';
import type { EpubImages } from '../epub/epub-images.ts';
import type { PackagedFile } from '../output/packaged-file.ts';
import type { StagedOutput } from '../output/staged-output.ts';
import { printBody, type PrintBody } from '../pdf/print-document.ts';
import { retryOnCrash } from '../pdf/retry-on-crash.ts';
import { layOutBook, openPartPages, type LaidOutBook, type RenderedPdf } from '../pdf/render-pdf.ts';
import { loadHyphenator } from '../render/hyphenate-tree.ts';
import { siteAssets, type SiteAssets } from '../render/site-assets.ts';
import type { BuildScope } from './build-scope.ts';
import type { Need } from './needs.ts';

/** The print root's folder in the staging folder, which is never committed. */
const printRootName = '.print-root';

/** Chromium's own folder of the book's assets: where the print documents and the drawn cover are loaded from. */
export interface PrintRoot {
  /** The staged folder (never committed): the templates' styles, the faces and the book's images (see `siteAssets`). */
  dir: string;
  /** The `@font-face` rules of its `fonts/fonts.css`, part of what the layout cache keys on. */
  fontsCss: string;
}

/** What the products are made from. */
export interface ProductInputs extends BuildScope {
  /** Every product some renderer declared, with their inputs (see `withInputs`). */
  needs: ReadonlySet<Need>;
  browser: BookBrowser;
  staging: StagedOutput;
  /** The book's images for the EPUB, perhaps already under way (see `EpubImages.start`). */
  epubImages: EpubImages;
  /** Chapters parsed afresh: without a PDF, at most that many pages are opened ahead to measure. */
  parsedAfresh: number;
}

/**
 * The products the renderers share (see `Need`), each computed once, when first asked
 * for, by whichever renderer asks first. Asking for one no renderer declared is a mistake
 * in that renderer and throws: the browser was told how many would use it from the
 * declarations. `start` begins the ones that keep Chromium busy, so it works while Node
 * renders.
 */
export class SharedProducts {
  readonly #inputs: ProductInputs;
  readonly #made = new Map<Need, Promise<unknown>>();
  #partPages: PagePool | undefined;

  constructor(inputs: ProductInputs) {
    this.#inputs = inputs;
  }

  /** Whether some renderer declared `need`: a renderer may then follow a product it did not ask for (the EPUB's page list follows the PDF's final layout). */
  has(need: Need): boolean {
    return this.#inputs.needs.has(need);
  }

  /**
   * Starts what the browser will work on: opening the pages the book's parts are laid out
   * in, the layout itself and the drawn cover, so Chromium works while the renderers run
   * here; and the EPUB's images.
   */
  start(): void {
    const { book, browser, needs, parsedAfresh } = this.#inputs;
    // Without a PDF, only what changed is measured: a page for each chapter parsed afresh at most
    // (one after an edit: a second would only slow the first down).
    if (needs.has('layout')) this.#partPages = openPartPages(browser, book, this.#rootDir(), needs.has('printed') ? Infinity : parsedAfresh);
    const started = [needs.has('layout') && this.layout(), needs.has('drawn-cover') && this.drawnCover(), needs.has('epub-images') && this.epubImages()];
    // Awaited by the renderers; a build that fails before then must not leave them unhandled.
    for (const product of started) if (product) product.catch(() => undefined);
  }

  /** The book serialised for print, hyphenated (see `printBody`). */
  printBody(): Promise<PrintBody> {
    return this.#product('print-body', async () => {
      const { book, caches, progress, timed } = this.#inputs;
      const body = await timed('print-body', async () => printBody(book, await loadHyphenator(book.config.lang), caches.print));
      progress({ stage: 'html', finished: 'rendered HTML' });
      return body;
    });
  }

  /** The files beside the book's HTML documents (see `siteAssets`): read once for the web edition and Chromium's folder alike. */
  siteAssets(): Promise<SiteAssets> {
    return this.#product('site-assets', () => siteAssets(this.#inputs.book));
  }

  /** Chromium's folder of the book's assets (see {@link PrintRoot}). */
  printRoot(): Promise<PrintRoot> {
    return this.#product('print-root', async () => {
      const { staging } = this.#inputs;
      const assets = await this.siteAssets();
      await staging.writeAll(assets.files.map((file) => ({ relative: `${printRootName}/${file.path}`, data: file.data })));
      return { dir: this.#rootDir(), fontsCss: assets.fontsCss };
    });
  }

  /** The book laid out for print: its plan, and, when it is to be printed, its parts open to print. */
  layout(): Promise<LaidOutBook> {
    return this.#product('layout', async () => {
      const { browser, caches, needs, progress, timed } = this.#inputs;
      const [root, body] = await Promise.all([this.printRoot(), this.printBody()]);
      const forPrint = needs.has('printed');
      const printing = { body, browser, dir: root.dir, fontsCss: root.fontsCss, forPrint, pages: this.#partPages, layoutCache: caches.layout };
      const laidOut = await timed('measure', () => retryOnCrash(browser, () => layOutBook(printing), this.#retrying));
      if (forPrint) progress({ stage: 'pdf', done: 0, total: laidOut.plan.pageCount });
      // Printing releases the browser itself; a layout only measured is done with it now.
      else void browser.release().catch(() => undefined);
      return laidOut;
    });
  }

  /** The book printed to PDF, following the layout (see `LaidOutBook.print`). */
  printed(): Promise<RenderedPdf> {
    return this.#product('printed', async () => {
      const { browser, date, timed } = this.#inputs;
      const laidOut = await this.layout();
      return timed('pdf', () => retryOnCrash(browser, () => laidOut.print(date), this.#retrying));
    });
  }

  /** A cover drawn from the templates, for a book whose `book.yaml` names no cover image (JPEG). */
  drawnCover(): Promise<Uint8Array> {
    return this.#product('drawn-cover', async () => {
      const { book, browser } = this.#inputs;
      const { dir } = await this.printRoot();
      try {
        return await renderCover(book, await browser.acquire(), dir);
      } finally {
        await browser.release();
      }
    });
  }

  /** The book's images made ready for e-readers (see `EpubImages`). */
  epubImages(): Promise<PackagedFile[]> {
    return this.#product('epub-images', () => this.#inputs.epubImages.all(this.#inputs.book));
  }

  /** `need`, made by `make` on first use; throws if no renderer declared it. */
  #product<T>(need: Need, make: () => Promise<T>): Promise<T> {
    if (!this.has(need)) throw new Error(`No renderer declared that it needs "${need}"`);
    let made = this.#made.get(need) as Promise<T> | undefined;
    if (!made) this.#made.set(need, (made = make()));
    return made;
  }

  #rootDir(): string {
    return this.#inputs.staging.path(printRootName);
  }

  #retrying = (crash: Error) => this.#inputs.progress({ stage: 'pdf', finished: `${crash.message}; printing once more` });
}
