import type { Book, Chapter, Matter, Part } from '../book/types.ts';

/** One line of a table of contents, with the lines nested under it. */
export interface ContentsEntry {
  title: string;
  /** Where the line leads; none for a part that has no page in this output. */
  href?: string;
  /** The matter of a chapter's line; a part's line is body matter. */
  matter: Matter;
  /** The chapter of a chapter's line. */
  chapter?: Chapter;
  /** The part of a part's line. */
  part?: Part;
  /** Under a part, its chapters; under a chapter, its headings, then its sub-chapters. */
  children: ContentsEntry[];
  /** The folio the line prints, in the print contents. */
  page?: string;
}

/** How one output places what its contents lead to. */
export interface ContentsLinks {
  /** A chapter, or a heading of it by its id. */
  chapter(chapter: Chapter, fragment?: string): string;
  /** A part's title page; without it, a part's line leads nowhere. */
  part?(part: Part): string;
}

/**
 * The table of contents of a book, for one output: every chapter, nested under its part
 * (when the book is in parts) and under the chapter it continues (a sub-chapter), and
 * under each chapter its second-level headings when `withSections` is set.
 */
export function contentsEntries(book: Book, links: ContentsLinks, withSections: boolean): ContentsEntry[] {
  const top: ContentsEntry[] = [];
  const entries = new Map<string, ContentsEntry>();
  const parts = new Map(book.parts.map((part) => [part.id, part]));
  for (const chapter of book.chapters) {
    const sections = withSections ? chapter.outline.filter((heading) => heading.depth === 2) : [];
    const children = sections.map((heading) => ({ title: heading.text, href: links.chapter(chapter, heading.id), matter: chapter.matter, children: [] }));
    const entry: ContentsEntry = { title: chapter.title, href: links.chapter(chapter), matter: chapter.matter, chapter, children };
    entries.set(chapter.id, entry);
    const parent = chapter.parentId ? entries.get(chapter.parentId) : undefined;
    if (parent) {
      parent.children.push(entry);
      continue;
    }
    const part = chapter.partId ? parts.get(chapter.partId) : undefined;
    if (!part) {
      top.push(entry);
      continue;
    }
    let partEntry = entries.get(part.id);
    if (!partEntry) {
      partEntry = { title: part.title, href: links.part?.(part), matter: 'bodymatter', part, children: [] };
      entries.set(part.id, partEntry);
      top.push(partEntry);
    }
    partEntry.children.push(entry);
  }
  return top;
}

/** How deep `entries` nest: 1 for a flat list. */
export function contentsDepth(entries: readonly ContentsEntry[]): number {
  return entries.reduce((deepest, entry) => Math.max(deepest, 1 + contentsDepth(entry.children)), 0);
}
