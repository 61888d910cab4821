import type { Book } from '../book/types.ts';
import { label, type LabelName } from '../config/labels.ts';
import { renderTemplate } from './templates.ts';
import { typefaceFamilies } from './typefaces.ts';

/**
 * The values partials see as `book`: the config plus custom keys, and `identifierLine`,
 * the identifier as a copyright page prints it (`ISBN 978-…` for an ISBN).
 */
export function templateBook(book: Book): Record<string, unknown> {
  return { ...book.config.variables, ...book.config, identifierLine: identifierLine(book.config.identifier) };
}

function identifierLine(identifier: string): string {
  const bare = identifier.replace(/^urn:isbn:/i, '');
  return /^(97[89])?\d{9}[\dX]$/i.test(bare.replace(/[-\s]/g, '')) ? `ISBN ${bare}` : identifier;
}

/**
 * What templates call as `label`: the book's text of a label, with its values filled in
 * (`label('chapter', { n: 3 })`, see `labels.ts`).
 */
export function bookLabel(book: Book): (name: LabelName, values?: Readonly<Record<string, string | number>>) => string {
  return (name, values) => label(book.config.labels, name, values);
}

/** The title page, from `templates/partials/titlepage.ejs`, as polyglot markup. */
export function titlePage(book: Book): string {
  return renderTemplate('partials/titlepage.ejs', { book: templateBook(book), label: bookLabel(book) });
}

/** The copyright page, from `templates/partials/copyright.ejs`, as polyglot markup; its colophon names the faces of the typeface table. */
export function copyrightPage(book: Book): string {
  return renderTemplate('partials/copyright.ejs', { book: templateBook(book), typefaces: typefaceFamilies(), label: bookLabel(book) });
}

/** The half-title page, from `templates/partials/halftitle.ejs`: the title alone, for print. */
export function halfTitlePage(book: Book): string {
  return renderTemplate('partials/halftitle.ejs', { book: templateBook(book), label: bookLabel(book) });
}
