import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { Book } from '../book/types.ts';
import { reportWarning } from '../diagnostics/report.ts';
import type { Overflow } from './column-layout.ts';
import type { ChapterLayout } from './measure-layout.ts';

/** CSS pixels in a millimetre. */
const pxPerMm = 96 / 25.4;

/** What an element is, for an author. */
const described: Readonly<Record<string, string>> = {
  pre: 'A code block',
  table: 'A table',
  img: 'An image',
  svg: 'An image',
  figure: 'A figure',
  a: 'A link',
  code: 'Inline code',
};

/**
 * Warns (`wider-than-page`) of everything the print layout found wider than the text
 * block: print cuts it at the margin rather than shrink the whole book, so the reader
 * loses its end. Each warning is at the element's place in the Markdown, found by its tag
 * and its place among the chapter's elements of that tag (see `Overflow`). Layouts from
 * the cache carry their overflows too, so an unchanged book warns on every build.
 */
export function reportOverflows(book: Book, layouts: ReadonlyMap<string, ChapterLayout>): void {
  for (const chapter of book.chapters) {
    const overflows = layouts.get(chapter.id)?.overflows;
    if (!overflows?.length) continue;
    for (const overflow of overflows) {
      const element = nthElement(chapter.tree, overflow);
      const what = described[overflow.tag] ?? `A <${overflow.tag}> element`;
      const mm = (overflow.excess / pxPerMm).toFixed(1);
      reportWarning(chapter.file, `${what} is ${mm} mm wider than the printed text block; the PDF cuts it at the margin`, element?.position, 'wider-than-page');
    }
  }
}

/** The element of the tree with `overflow`'s tag and place, in document order. */
function nthElement(tree: Root, overflow: Overflow): Element | undefined {
  let seen = 0;
  let found: Element | undefined;
  visit(tree, 'element', (node) => {
    if (node.tagName !== overflow.tag) return undefined;
    if (seen++ === overflow.index) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}
