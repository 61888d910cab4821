import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';

/**
 * Puts the real heading text back into Chromium's bookmarks. Chromium builds each title
 * from the laid-out lines of its heading and drops the space where a heading wraps
 * ("Whales,and the True Pictures"); every title whose letters match a known heading is
 * replaced by that heading's text.
 */
export function repairOutlineTitles(document: PDFDocument, headings: Iterable<string>): void {
  const known = new Map<string, string>();
  for (const heading of headings) known.set(squash(heading), heading);
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined): void => {
    for (let entry = item; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = entry.lookup(PDFName.of('Title'));
      if (title instanceof PDFHexString || title instanceof PDFString) {
        const proper = known.get(squash(title.decodeText()));
        if (proper !== undefined) entry.set(PDFName.of('Title'), PDFHexString.fromText(proper));
      }
      visit(entry.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
}

function squash(text: string): string {
  return text.replace(/[\s\u00AD]+/g, '');
}
