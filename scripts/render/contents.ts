import type { Book, Chapter, Matter } from '../book/types.ts';

/** One line of a table of contents, with the headings under it. */
export interface ContentsEntry {
  title: string;
  href: string;
  matter: Matter;
  chapter: Chapter;
  children: Array<{ text: string; href: string }>;
}

/**
 * The table of contents of a book, for one output: every chapter, and under each its
 * second-level headings when `withSections` is set. `hrefOf` places a chapter or a heading.
 */
export function contentsEntries(
  book: Book,
  hrefOf: (chapter: Chapter, fragment?: string) => string,
  withSections: boolean,
): ContentsEntry[] {
  return book.chapters.map((chapter) => ({
    title: chapter.title,
    href: hrefOf(chapter),
    matter: chapter.matter,
    chapter,
    children: withSections
      ? chapter.outline.filter((entry) => entry.depth === 2).map((entry) => ({ text: entry.text, href: hrefOf(chapter, entry.id) }))
      : [],
  }));
}
