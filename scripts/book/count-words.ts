import { toString } from 'hast-util-to-string';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Book } from './types.ts';

const word = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Words in the book's chapters, notes included: runs of letters or digits, with inner
 * apostrophes and hyphens. One chapter is counted per turn of the event loop: started
 * while the browser prints, it fills time this thread would spend waiting (a tenth of a
 * second for Moby-Dick), and delays no message from the browser by more than one
 * chapter's count.
 */
export async function countWordsBetweenTasks(book: Book): Promise<number> {
  let words = 0;
  for (const chapter of book.chapters) {
    await nextTurn();
    words += toString(chapter.tree).match(word)?.length ?? 0;
  }
  return words;
}
