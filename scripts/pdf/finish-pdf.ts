import { PDFDocument } from 'pdf-lib';
import type { Book } from '../book/types.ts';
import { repairOutlineTitles } from './repair-outline-titles.ts';
import { setPdfMetadata } from './set-pdf-metadata.ts';

/**
 * The last step of the print build, in one load and save with pdf-lib (which keeps the
 * structure tree, links and outline): document information and dates, and bookmark titles.
 */
export async function finishPdf(pdf: Uint8Array, book: Book, date: Date): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  setPdfMetadata(document, book.config, date);
  repairOutlineTitles(document, outlineHeadings(book));
  return document.save({ useObjectStreams: false });
}

function outlineHeadings(book: Book): string[] {
  return [book.config.title, 'Contents', ...book.chapters.flatMap((chapter) => [chapter.title, ...chapter.outline.map((entry) => entry.text)])];
}
