import type { Book } from '../book/types.ts';
import { renderTemplate } from './templates.ts';
import { bookTypeface } from './typefaces.ts';

/** The values partials see as `book`: the config in template-friendly form plus custom keys. */
export function templateBook(book: Book): Record<string, unknown> {
  return { ...book.config.variables, ...book.config };
}

/** The title page, from `templates/partials/titlepage.ejs`, as polyglot markup. */
export function titlePage(book: Book): string {
  return renderTemplate('partials/titlepage.ejs', { book: templateBook(book) });
}

/** The copyright page, from `templates/partials/copyright.ejs`, as polyglot markup. */
export function copyrightPage(book: Book): string {
  return renderTemplate('partials/copyright.ejs', { book: templateBook(book), typefaces: bookTypeface().family });
}
