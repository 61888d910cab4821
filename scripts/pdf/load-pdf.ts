import { ParseSpeeds, PDFDocument } from 'pdf-lib';

/**
 * Loads a PDF that Chromium just printed, as fast as pdf-lib can: by default pdf-lib
 * parses 100 objects and then waits for a timer, which for a tagged book of tens of
 * thousands of objects is most of the load time. The document information is left as
 * it is (`finishPdf` sets it).
 */
export function loadPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
}
