import { rm, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { containPage } from '../browser/contain-page.ts';
import { loadDeclaredFaces } from './load-declared-faces.ts';

/** Options of {@link withDocumentPage}. */
export interface DocumentPageOptions {
  browser: Browser;
  /** Where the document is written (beside the files it uses); removed after. */
  file: string;
  html: string;
  /** Folders the page may read from (see `containPage`). */
  allowedDirs: readonly string[];
  timeout: number;
  /** Set the page to print media before it loads (to measure); default screen. */
  printMedia?: boolean;
}

/**
 * Writes `html` to `file` and opens it in a contained page of a browser context of its
 * own, so in a renderer (and on a core) of its own, with every declared face loaded; runs
 * `work` on the page; then closes the context and removes the file, whatever happened.
 */
export async function withDocumentPage<T>(options: DocumentPageOptions, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await options.browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await containPage(page, options.allowedDirs);
    if (options.printMedia) await page.emulateMediaType('print');
    await writeFile(options.file, options.html);
    await page.goto(pathToFileURL(options.file).href, { waitUntil: 'load', timeout: options.timeout });
    await loadDeclaredFaces(page);
    return await work(page);
  } finally {
    await context.close().catch(() => undefined);
    await rm(options.file, { force: true });
  }
}
