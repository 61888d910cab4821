import type { PDFDocument } from 'pdf-lib';
import type { Book } from '../book/types.ts';
import { repairOutlineTitles } from './repair-outline-titles.ts';
import { setPdfMetadata } from './set-pdf-metadata.ts';

/**
 * The last step of the print build, on the final render as pdf-lib loaded and joined it
 * (pdf-lib keeps the structure tree, links and outline; structure ids were numbered as
 * the parts were joined): document information and dates, bookmark titles; then the bytes.
 */
export async function finishPdf(document: PDFDocument, book: Book, date: Date): Promise<Uint8Array> {
  setPdfMetadata(document, book.config, date);
  repairOutlineTitles(document, outlineHeadings(book));
  // pdf-lib otherwise waits for a timer after every 50 objects it writes.
  return document.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

function outlineHeadings(book: Book): string[] {
  return [book.config.title, book.config.labels.contents, ...book.parts.map((part) => part.title), ...book.chapters.flatMap((chapter) => [chapter.title, ...chapter.outline.map((entry) => entry.text)])];
}
