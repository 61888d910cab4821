import type { VFile } from 'vfile';
import { hasErrors } from '../diagnostics/format-message.ts';
import { ManuscriptError } from '../diagnostics/errors.ts';
import { parseBook, type ParseBookOptions } from './parse-book.ts';
import type { ParseStats } from './parse-chapters.ts';
import type { Book } from '../book/types.ts';

/** A loaded book with every file that carries messages, warnings included. */
export interface LoadedBook {
  book: Book;
  files: VFile[];
  /** How many chapters were parsed afresh and taken from the cache. */
  stats: ParseStats;
}

/**
 * Loads a manuscript folder into the {@link Book} model, as the build needs it: the
 * manuscript is parsed by {@link parseBook}, and any error throws a {@link ManuscriptError}
 * carrying every located problem, after parsing all it can.
 */
export async function loadBook(manuscriptDir: string, options: ParseBookOptions = {}): Promise<LoadedBook> {
  const { book, files, stats } = await parseBook(manuscriptDir, options);
  if (!book || hasErrors(files)) throw new ManuscriptError(files);
  return { book, files, stats };
}
