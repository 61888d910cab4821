import type { Book, Chapter, Part } from '../book/types.ts';
import { partOpenedBy } from './part-page.ts';

/**
 * One document of a book, in reading order: the front pages (a cover, the half title, the
 * title page, the copyright page, the contents), then each part's title page before its
 * first chapter, and the chapters.
 */
export type BookDocument =
  | { kind: 'cover' }
  | { kind: 'halftitle' }
  | { kind: 'titlepage' }
  | { kind: 'copyright' }
  | { kind: 'contents' }
  | { kind: 'part'; part: Part }
  | { kind: 'chapter'; chapter: Chapter };

/** What a document is: one of the front pages, a part's title page or a chapter. */
export type DocumentKind = BookDocument['kind'];

/** The front pages of every edition, in order; an edition leaves out those it has no use for. */
const frontKinds = ['cover', 'halftitle', 'titlepage', 'copyright', 'contents'] as const;

/**
 * The book's documents, in reading order, of the kinds an edition shows (`kinds`): the
 * one list the EPUB's spine, the print document and the web edition are each made from.
 * The EPUB has a cover and no half title, print a half title and no cover, and the web
 * edition folds the front pages into its home page and has no part pages.
 */
export function bookDocuments(book: Book, kinds: ReadonlySet<DocumentKind>): BookDocument[] {
  const documents: BookDocument[] = frontKinds.map((kind) => ({ kind }));
  for (const chapter of book.chapters) {
    const part = partOpenedBy(book, chapter.id);
    if (part) documents.push({ kind: 'part', part });
    documents.push({ kind: 'chapter', chapter });
  }
  return documents.filter((document) => kinds.has(document.kind));
}
