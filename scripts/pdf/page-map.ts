import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument } from 'pdf-lib';

/** What a rendered PDF says about its pages: how many, and where each named destination is. */
export interface PageMap {
  pageCount: number;
  /** 1-based page number of each named destination (an element id that a link points to). */
  pages: Map<string, number>;
}

/**
 * Reads the named destinations Chromium writes for every link target, and turns each into
 * the page it lands on. This is how the print build learns where chapters really start.
 */
export function readPageMap(document: PDFDocument): PageMap {
  const pageNumbers = new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const pages = new Map<string, number>();
  const dests = document.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = document.context.lookup(value);
    const array = target instanceof PDFDict ? target.lookupMaybe(PDFName.of('D'), PDFArray) : target;
    if (!(array instanceof PDFArray)) continue;
    const pageRef = array.get(0);
    const page = pageRef instanceof PDFRef ? pageNumbers.get(pageRef.toString()) : undefined;
    if (page !== undefined) pages.set(name.decodeText(), page);
  }
  return { pageCount: document.getPageCount(), pages };
}
