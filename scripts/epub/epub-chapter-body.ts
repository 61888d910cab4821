import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Chapter } from '../book/types.ts';
import { chapterSection, type Addressing } from '../render/chapter-section.ts';
import { pageAnchors } from '../render/page-anchors.ts';
import { serializeXhtml } from '../render/serialize-xhtml.ts';
import type { PageBreak } from './page-list.ts';

/** The id of the marker of a print page in the EPUB. */
export function pageId(folio: string): string {
  return `page-${folio}`;
}

/** The marker of a print page: an empty `span` with `epub:type="pagebreak"`, named by its folio. */
export function pageMarker(folio: string): Element {
  return h('span', { id: pageId(folio), 'epub:type': 'pagebreak', role: 'doc-pagebreak', ariaLabel: folio });
}

/**
 * A chapter's section as its EPUB document holds it, as XHTML: ids and links as
 * `addressing` (file addressing) makes them, and the markers of the print pages that
 * begin at its page anchors (`breaks`, the chapter's own), each at the start of its anchor.
 */
export function epubChapterBody(chapter: Chapter, addressing: Addressing, breaks: readonly PageBreak[]): string {
  const section = chapterSection(chapter, addressing);
  if (breaks.length > 0) {
    const anchors = pageAnchors(section);
    const byAnchor = new Map<number, Element[]>();
    for (const { folio, place } of breaks) {
      if (!('anchorIndex' in place)) continue;
      byAnchor.set(place.anchorIndex, [...(byAnchor.get(place.anchorIndex) ?? []), pageMarker(folio)]);
    }
    for (const [index, markers] of byAnchor) anchors[index]!.children.unshift(...markers);
  }
  return serializeXhtml(section);
}
