import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'puppeteer';
import type { PagePool } from '../browser/page-pool.ts';
import { applyPartPlan } from './apply-part-plan.ts';
import type { PartPlan } from './book-parts.ts';
import { layOutInColumns, readTextBlock, type ColumnLayouts, type ColumnRequest } from './column-layout.ts';
import { loadUsedFaces } from './load-used-faces.ts';

/** Where and how a part's page is opened. */
export interface PartPageOptions {
  browser: Browser;
  /** Where its contained page comes from (see `PagePool`), perhaps opened ahead. */
  pages: PagePool;
  /** The staged web edition's folder: the document is written there, beside the files it uses. */
  dir: string;
  /** Longest a page load or print may take, in milliseconds. */
  timeout: number;
  /** Text the page will print that is not in the document (running heads, generated content), whose faces must be loaded too. */
  extraText: string;
}

/**
 * One part of a book (see `splitBook`) open in a page of its own (a `ContainedPage`, so in
 * a renderer and on a core of its own), with the faces it uses loaded. The same page is
 * measured, then printed once the plan is known, so the part is parsed, styled and given
 * its faces once.
 */
export class PartPage {
  private constructor(
    private readonly context: BrowserContext,
    private readonly page: Page,
    private readonly file: string,
    private readonly timeout: number,
  ) {}

  /**
   * Writes the part's document `html` as `name` in the staged folder and opens it. A page
   * to be measured is set to print media before it loads, so its one layout is in print
   * styles; a page only to be printed stays in screen media, where it is hidden
   * (`printOnly`), and is laid out only when printed.
   */
  static async open(options: PartPageOptions, name: string, html: string, forMeasuring: boolean): Promise<PartPage> {
    const file = path.join(options.dir, `.${name}.html`);
    const { context, page } = await options.pages.take(options.browser);
    try {
      if (forMeasuring) await page.emulateMediaType('print');
      await writeFile(file, html);
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: options.timeout });
      await loadUsedFaces(page, options.extraText);
      return new PartPage(context, page, file, options.timeout);
    } catch (error) {
      await context.close().catch(() => undefined);
      await rm(file, { force: true });
      throw error;
    }
  }

  /**
   * Lays out what `request` asks for in columns the size of the text block that the
   * print stylesheets `sheets` give (see `column-layout.ts`), and reads its layout. The
   * document is left as it was, to be printed.
   */
  async measure(sheets: string[], request: ColumnRequest): Promise<ColumnLayouts> {
    const block = await this.page.evaluate(readTextBlock, sheets);
    return this.page.evaluate(layOutInColumns, block, request);
  }

  /**
   * Applies `plan` to the document (see `applyPartPlan`) and prints it, tagged and with
   * bookmarks. The page is back in screen media first, where the document is hidden, so
   * that the changes cost no layout before the print's own.
   */
  async print(plan: PartPlan): Promise<Uint8Array> {
    await this.page.emulateMediaType();
    await this.page.evaluate(applyPartPlan, plan);
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, tagged: true, outline: true, timeout: this.timeout });
  }

  /** Closes the page's browser context and removes its document, whatever state it is in. */
  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await rm(this.file, { force: true });
  }
}
