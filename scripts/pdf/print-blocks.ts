import type { Book, Chapter, Part } from '../book/types.ts';
import { partOpenedBy } from '../render/part-page.ts';

/**
 * One block of the print document after the front pages, each beginning a new page and
 * laid out on its own: a chapter, or a part's title page before the part's first chapter.
 */
export interface PrintBlock {
  /** The chapter's or the part's id, the block's id in the document. */
  id: string;
  chapter?: Chapter;
  part?: Part;
  /**
   * Whether it opens on a recto, after a blank verso when it would fall on a verso: a
   * part's page and a chapter do; a sub-chapter (see `Chapter.parentId`) begins on the
   * next page, whichever side.
   */
  recto: boolean;
  /** How much Markdown it holds, to cut the book into documents of about equal length (see `splitBook`). */
  size: number;
}

/** The blocks of a book's print document after the front pages, in order (see {@link PrintBlock}). */
export function printBlocks(book: Book): PrintBlock[] {
  const blocks: PrintBlock[] = [];
  for (const chapter of book.chapters) {
    const part = partOpenedBy(book, chapter.id);
    if (part) blocks.push({ id: part.id, part, recto: true, size: part.title.length });
    blocks.push({ id: chapter.id, chapter, recto: chapter.parentId === undefined, size: chapter.file.value.length });
  }
  return blocks;
}
