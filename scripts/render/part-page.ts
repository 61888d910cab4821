import type { Book, Part } from '../book/types.ts';
import { renderTemplate } from './templates.ts';

/**
 * The label above a part's title, such as `Part 2`. Plain English for now, whatever the
 * book's language: the one place to swap for a table of labels by language.
 */
export function partLabel(part: Part, _lang: string): string {
  return `Part ${part.index + 1}`;
}

/** A part's title page, from `templates/partials/part-page.ejs`, as polyglot markup: its label and title. */
export function partPage(book: Book, part: Part): string {
  return renderTemplate('partials/part-page.ejs', { part, label: partLabel(part, book.config.lang) });
}

/** The part that `chapterId` opens, when it is the first chapter of one. */
export function partOpenedBy(book: Book, chapterId: string): Part | undefined {
  return book.parts.find((part) => part.chapterIds[0] === chapterId);
}
