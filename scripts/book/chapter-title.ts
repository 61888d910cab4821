import type { Position } from 'unist';
import { withoutForbiddenXml } from '../xml/forbidden-characters.ts';
import type { HeadingFact, OutlineEntry } from './types.ts';

/** How a chapter is titled, and what that changes in its tree (see {@link titleChapter}). */
export interface ChapterTitling {
  /** The chapter's title: declared, else its title heading's text; undefined when it has neither. */
  title?: string;
  /** Where the title is written: its heading, or the front matter's `title`. */
  place?: Position;
  /** The opening heading that only repeats the book's title, which the chapter leaves out. */
  bookTitleHeading?: HeadingFact;
  /** How many levels every heading outside the notes moves up, so the title heading is an `h1`. */
  shift: number;
  /** Whether the declared title is added as an `h1`, the chapter having none of its own. */
  addHeading: boolean;
  /** Headings below the title, one and two levels down, after the shift: for the contents. */
  outline: OutlineEntry[];
}

/** What a chapter's title is chosen from: its parse's headings and what its front matter declares. */
export interface TitleSources {
  /** The chapter's headings outside its notes, in document order (see `ChapterFacts`). */
  headings: readonly HeadingFact[];
  /** `title:` of the front matter (or of a pandoc title block), already educated. */
  declared?: string;
  /** Where the declared title is written. */
  declaredPlace?: Position;
  /** The book's title, and its title with the subtitle, as a repeated opening heading may give them. */
  bookTitles: readonly string[];
}

/**
 * Chooses a chapter's title: the declared one, else the first heading of the highest
 * level the chapter uses, so a chapter written from `##` down is titled by its first
 * `##`, which becomes its `h1` (every heading moves up as many levels). A chapter that
 * opens with a `#` repeating the book's title, with no other `#` and with `##` headings
 * after it, is one file of a book written as one document: that heading is left out
 * (`bookTitleHeading`) and the chapter is titled by its first `##`. A chapter with a
 * declared title keeps its levels; with no `#` of its own it gets the title as one.
 */
export function titleChapter({ headings: found, declared: written, declaredPlace, bookTitles }: TitleSources): ChapterTitling {
  // Titles go into document titles, the nav and the NCX, which the tree's serialiser does not clean.
  const headings = found.map((heading) => ({ ...heading, text: plainTitle(heading.text) }));
  const declared = written === undefined ? undefined : plainTitle(written);
  const first = headings[0];
  const repeatsBook =
    first !== undefined &&
    first.depth === 1 &&
    bookTitles.some((title) => sameTitle(title, first.text)) &&
    !headings.some((heading, index) => index > 0 && heading.depth === 1) &&
    headings.some((heading) => heading.depth === 2);
  const bookTitleHeading = repeatsBook ? found[0] : undefined;
  const own = repeatsBook ? headings.slice(1) : headings;
  let titleHeading: HeadingFact | undefined;
  let shift = 0;
  if (!declared && own.length > 0) {
    const top = Math.min(...own.map((heading) => heading.depth));
    titleHeading = own.find((heading) => heading.depth === top);
    shift = top - 1;
  }
  const title = declared || titleHeading?.text || undefined;
  const addHeading = Boolean(declared) && !own.some((heading) => heading.depth === 1);
  const outline = own
    .filter((heading) => heading !== titleHeading && heading.id !== undefined)
    .map((heading) => ({ depth: heading.depth - shift, id: heading.id!, text: heading.text }))
    .filter((entry) => entry.depth === 2 || entry.depth === 3);
  return {
    title,
    place: declared ? declaredPlace : titleHeading?.place,
    bookTitleHeading,
    shift,
    addHeading,
    outline,
  };
}

/** A title as plain text on one line: spaces collapsed, characters XML forbids dropped. */
export function plainTitle(text: string): string {
  return withoutForbiddenXml(text).replace(/\s+/g, ' ').trim();
}

/** Whether two titles are the same to a reader: case, spacing, quotes and punctuation aside. */
export function sameTitle(a: string, b: string): boolean {
  return titleKey(a) === titleKey(b);
}

/** A title reduced to its letters and digits, lower-cased: what {@link sameTitle} compares. */
export function titleKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
