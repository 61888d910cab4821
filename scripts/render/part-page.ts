import type { Book, Part } from '../book/types.ts';
import { label } from '../config/labels.ts';
import { renderTemplate } from './templates.ts';

/** The label above a part's title in the book's language (see `labels.ts`), such as `Part 2` or `Часть 2`. */
export function partLabel(book: Book, part: Part): string {
  return label(book.config.labels, 'part', { n: part.index + 1 });
}

/** A part's title page, from `templates/partials/part-page.ejs`, as polyglot markup: its label and title. */
export function partPage(book: Book, part: Part): string {
  return renderTemplate('partials/part-page.ejs', { part, label: partLabel(book, part) });
}

/** The part that `chapterId` opens, when it is the first chapter of one. */
export function partOpenedBy(book: Book, chapterId: string): Part | undefined {
  return book.parts.find((part) => part.chapterIds[0] === chapterId);
}
