import type { Book, Chapter, Part } from '../book/types.ts';
import { bookDocuments, type DocumentKind } from '../render/book-documents.ts';

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

/** The documents of the print edition (see `bookDocuments`): a half title and no cover. */
export const printKinds: ReadonlySet<DocumentKind> = new Set(['halftitle', 'titlepage', 'copyright', 'contents', 'part', 'chapter']);

/** The blocks of a book's print document after the front pages, in order (see {@link PrintBlock}). */
export function printBlocks(book: Book): PrintBlock[] {
  const blocks: PrintBlock[] = [];
  for (const document of bookDocuments(book, printKinds)) {
    if (document.kind === 'part') blocks.push({ id: document.part.id, part: document.part, recto: true, size: document.part.title.length });
    if (document.kind === 'chapter') {
      const { chapter } = document;
      blocks.push({ id: chapter.id, chapter, recto: chapter.parentId === undefined, size: chapter.file.value.length });
    }
  }
  return blocks;
}
