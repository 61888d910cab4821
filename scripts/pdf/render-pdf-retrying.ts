import type { BrowserSession } from '../browser/launch-browser.ts';
import { BrowserCrashError } from '../diagnostics/errors.ts';
import { renderPdf, type PdfOptions, type RenderedPdf } from './render-pdf.ts';

/**
 * {@link renderPdf}, tried once more in a fresh browser from `relaunch` when Chromium
 * crashed or was killed mid-print. That is safe: a print only reads the staged print
 * document and writes into staging, so a second try starts from the same state. A
 * timeout or any other failure is not retried: it would most likely fail the same way.
 * `onRetry` hears the first crash.
 */
export async function renderPdfRetrying(
  options: PdfOptions,
  relaunch: () => Promise<BrowserSession>,
  onRetry: (crash: BrowserCrashError) => void = () => undefined,
): Promise<RenderedPdf> {
  try {
    return await renderPdf(options);
  } catch (error) {
    if (!(error instanceof BrowserCrashError)) throw error;
    onRetry(error);
    return renderPdf({ ...options, browser: relaunch() });
  }
}
