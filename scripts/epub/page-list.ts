import type { PrintBody } from '../pdf/print-document.ts';
import { anchorPage, folio, type PrintPlan } from '../pdf/print-plan.ts';

/** Where in the EPUB a print page begins: at a chapter's page anchor, at the start of a front document, or at a part's title page. */
export type PagePlace = { chapterId: string; anchorIndex: number } | { document: 'titlepage' | 'copyright' | 'nav' } | { partId: string };

/** A print page, and where its marker goes in the EPUB. */
export interface PageBreak {
  /** The folio as printed: `vii`, `212`. */
  folio: string;
  place: PagePlace;
}

/**
 * The print edition's pages, to be marked in the EPUB in reading order. A page on which
 * some page anchor (a paragraph, list item, heading, cell...) begins is marked at the
 * first such anchor; a page that holds only the middle of one long paragraph gets no
 * marker. Pages without text are marked where they fall in the reading order: the half
 * title and its verso before the title page, the contents' pages at the nav document,
 * a blank verso just before the chapter that follows it, a part's title page (and the
 * blank before it) in the part's own document.
 */
export function pageBreaks(body: PrintBody, plan: PrintPlan): PageBreak[] {
  const breaks: PageBreak[] = [];
  const mark = (page: number, place: PagePlace) => breaks.push({ folio: folio(page, plan), place });
  const titlepage = plan.frontPages.get('titlepage');
  const copyright = plan.frontPages.get('copyright-page');
  const contents = plan.frontPages.get('contents');
  const firstChapter = Math.min(...plan.starts.values());
  let page = 1;
  for (; titlepage !== undefined && page <= titlepage; page++) mark(page, { document: 'titlepage' });
  for (; copyright !== undefined && page <= copyright; page++) mark(page, { document: 'copyright' });
  for (page = Math.max(page, contents ?? page); contents !== undefined && page < firstChapter; page++) mark(page, { document: 'nav' });

  let lastPage = page - 1;
  for (const block of body.blocks) {
    const start = plan.starts.get(block.id)!;
    if (block.part) {
      // A part's title page, and the blank verso before it, are marked in its own document.
      if (plan.blankBefore.has(block.id) && start - 1 > lastPage) mark(start - 1, { partId: block.id });
      if (start > lastPage) mark(start, { partId: block.id });
      lastPage = Math.max(lastPage, start);
      continue;
    }
    const chapter = block.chapter!;
    if (plan.blankBefore.has(chapter.id) && start - 1 > lastPage) mark(start - 1, { chapterId: chapter.id, anchorIndex: 0 });
    body.anchors.get(chapter.id)!.forEach((id, anchorIndex) => {
      const at = anchorPage(plan, id);
      if (at === undefined || at <= lastPage) return;
      mark(at, { chapterId: chapter.id, anchorIndex });
      lastPage = at;
    });
  }
  return breaks;
}
