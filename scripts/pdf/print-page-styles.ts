import type { Book } from '../book/types.ts';
import { textDirection } from '../config/text-direction.ts';
import type { PrintPlan } from './print-plan.ts';

/** A CSS string literal for any text: quotes, backslashes, line breaks and `<` escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r]/g, (character) => `\\${character.codePointAt(0)!.toString(16).toUpperCase()} `)}"`;
}

/**
 * The page rules of one book, generated because Chromium lacks `string-set` and
 * `:first` for named pages. Each chapter is a named page. Its recto running head is a
 * counter style that prints nothing on the chapter's opening page and the chapter title
 * on every other page (the book title, for a chapter that shows no title); versos carry
 * the book title, but for the opening page of a sub-chapter that falls on one. A part's
 * title page has neither head nor folio. Arabic folios are a counter style
 * fixed at the first body page, so they count from 1 there; earlier pages use roman.
 * Without a plan (the first render) only the named pages are set, which is all that
 * affects layout. A document that holds only part of the book starts at `firstPage`, not 1:
 * its page counter still counts from 1, so every fixed counter style starts that much earlier.
 * In a book written right to left the print document's root has `dir="rtl"`, and Chromium
 * then makes every odd page, a recto, a `:left` page (CSS Paged Media): the rectos' heads go
 * to `:left` and the versos' to `:right`, and `print.css`'s margins put the gutter on the
 * right of each recto, where such a book is bound.
 */
export function printPageStyles(book: Book, plan: PrintPlan | undefined, firstPage = 1): string {
  const rules: string[] = [];
  for (const chapter of book.chapters) rules.push(`#${chapter.id} { page: ${chapter.id}; }`);
  // A part's title page: no running head, no folio.
  for (const part of book.parts) rules.push(`#${part.id} { page: ${part.id}; }`, `@page ${part.id} { @top-center { content: none; } @bottom-center { content: none; } }`);
  if (!plan) return rules.join('\n');

  const before = firstPage - 1;
  const bodyPages = Math.max(1, plan.pageCount - plan.bodyStart + 1);
  const symbols = Array.from({ length: bodyPages }, (_, index) => `"${index + 1}"`).join(' ');
  rules.push(`@counter-style quire-folio { system: fixed ${plan.bodyStart - before}; symbols: ${symbols}; fallback: decimal; }`);
  const bookTitle = cssString(book.config.title);
  const [recto, verso] = textDirection(book.config.lang) === 'rtl' ? [':left', ':right'] : [':right', ':left'];
  rules.push(`@counter-style quire-book-title { system: cyclic; symbols: ${bookTitle}; }`);
  book.chapters.forEach((chapter, index) => {
    const start = plan.starts.get(chapter.id)!;
    const folioStyle = start < plan.bodyStart ? 'lower-roman' : 'quire-folio';
    rules.push(
      `@counter-style quire-head-${index} { system: fixed ${start - before}; symbols: ""; fallback: quire-head-${index}-text; }`,
      `@counter-style quire-head-${index}-text { system: cyclic; symbols: ${chapter.titleShown ? cssString(chapter.title) : bookTitle}; }`,
      `@page ${chapter.id} { @bottom-center { content: counter(page, ${folioStyle}); } }`,
      `@page ${chapter.id}${recto} { @top-center { content: counter(page, quire-head-${index}); } }`,
      `@page ${chapter.id}${verso} { @top-center { content: ${bookTitle}; } }`,
    );
    // A sub-chapter may open on a verso: no head on its opening page there either.
    if (chapter.parentId) {
      rules.push(
        `@counter-style quire-verso-head-${index} { system: fixed ${start - before}; symbols: ""; fallback: quire-book-title; }`,
        `@page ${chapter.id}${verso} { @top-center { content: counter(page, quire-verso-head-${index}); } }`,
      );
    }
  });
  return rules.join('\n');
}
