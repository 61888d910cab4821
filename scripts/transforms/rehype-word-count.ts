import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { countWords } from '../book/count-words.ts';

/**
 * Counts the chapter's words, notes included (see `countWords`), into `file.data.words`,
 * for the build's summary. Counted once per parse, so kept in the parse cache with the
 * tree: a rebuild does not count the chapters that did not change. At the end of the
 * processor, so it counts what the outputs hold.
 */
export default function rehypeWordCount() {
  return (tree: Root, file: VFile): void => {
    file.data.words = countWords(toString(tree));
  };
}
