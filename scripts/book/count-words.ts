import { toString } from 'hast-util-to-string';
import type { Book } from './types.ts';

/** Words in the book's chapters, notes included: runs of letters or digits, with inner apostrophes and hyphens. */
export function countWords(book: Book): number {
  let words = 0;
  for (const chapter of book.chapters) words += toString(chapter.tree).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
  return words;
}
