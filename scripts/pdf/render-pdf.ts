import { pathToFileURL } from 'node:url';
import path from 'node:path';
import type { BookConfig } from '../config/types.ts';
import { EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import { containPage } from '../browser/contain-page.ts';
import { launchBrowser } from '../browser/launch-browser.ts';
import { templatesDir } from '../render/templates.ts';
import { setPdfMetadata } from './set-pdf-metadata.ts';

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** The print document, inside the staged web edition. */
  printDocument: string;
  config: BookConfig;
  /** Stamped into the PDF's dates. */
  date: Date;
  /** Longest a print may take, in milliseconds. */
  timeout?: number;
}

/**
 * Prints the print document with Chromium into a tagged PDF with an outline, at the
 * book's trim size, then writes its metadata. The page runs without JavaScript and can
 * load only the staged files and the templates.
 */
export async function renderPdf(options: PdfOptions): Promise<Uint8Array> {
  const session = await launchBrowser();
  try {
    const page = await session.browser.newPage();
    await containPage(page, [path.dirname(options.printDocument), templatesDir]);
    await page.goto(pathToFileURL(options.printDocument).href, { waitUntil: 'load', timeout: options.timeout ?? 300_000 });
    await page.evaluate('document.fonts.ready');
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      tagged: true,
      outline: true,
      timeout: options.timeout ?? 300_000,
    });
    return await setPdfMetadata(pdf, options.config, options.date);
  } catch (error) {
    if (error instanceof EnvironmentError) throw error;
    throw new EnvironmentError(`Chromium could not print the PDF: ${(error as Error).message}`, ExitCode.output);
  } finally {
    await session.close();
  }
}
