import type { PDFDocument } from 'pdf-lib';
import { appendPdfPart } from './append-pdf-part.ts';
import type { PartDocument } from './book-parts.ts';
import { loadPdf } from './load-pdf.ts';
import { normalizeStructureIds } from './normalize-structure-ids.ts';
import { retagFontSubsets } from './retag-font-subsets.ts';

/**
 * Joins the printed parts of a book, in order, into one PDF, reading each back as soon as
 * it is printed: structure ids numbered on across parts, font subsets tagged apart, links
 * into other parts (the `outsideTargets` of each part's document) pointed at their targets.
 */
export async function joinPdfParts(printed: ReadonlyArray<Promise<Uint8Array>>, documents: readonly PartDocument[]): Promise<PDFDocument> {
  const loaded = printed.map((bytes) => bytes.then(loadPdf));
  // Every part is awaited, so that one failing does not leave the others unhandled.
  for (const part of loaded) part.catch(() => undefined);
  let joined: PDFDocument | undefined;
  let nextId = 1;
  const fontTags = new Set<string>();
  for (const [index, loading] of loaded.entries()) {
    const part = await loading;
    nextId = normalizeStructureIds(part, nextId);
    retagFontSubsets(part, fontTags);
    if (joined) appendPdfPart(joined, part, new Set(documents[index]!.outsideTargets));
    else joined = part;
  }
  return joined!;
}
