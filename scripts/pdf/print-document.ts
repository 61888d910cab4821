import { bookStyleHrefs } from '../book/book-styles.ts';
import type { Book } from '../book/types.ts';
import { textDirection } from '../config/text-direction.ts';
import { contentsEntries, type ContentsEntry } from '../render/contents.ts';
import { bookLabel, copyrightPage, halfTitlePage, titlePage } from '../render/front-pages.ts';
import type { Hyphenator } from '../render/hyphenate-tree.ts';
import { renderTemplate } from '../render/templates.ts';
import { partPage } from '../render/part-page.ts';
import { idsAndLinksOfHtml, type IdsAndLinks } from './ids-and-links.ts';
import { printAddressing } from './print-addressing.ts';
import { bookDocuments } from '../render/book-documents.ts';
import { printBlocks, printKinds, type PrintBlock } from './print-blocks.ts';
import { printChapter } from './print-chapter.ts';
import { printChapterKeys, type PrintChapterCache } from './print-chapter-cache.ts';
import { printPageStyles } from './print-page-styles.ts';
import { folio, type PrintPlan } from './print-plan.ts';

/** The parts of the print document that do not change between renders. */
export interface PrintBody {
  book: Book;
  /** Each chapter's section as HTML, hyphenated, ids and links made unique in one document. */
  chapters: Map<string, string>;
  /** The ids of each chapter's page anchors (see `pageAnchors`), in order, by chapter id. */
  anchors: Map<string, string[]>;
  /** What the document holds after the front pages, in order: chapters and part pages (see `printBlocks`). */
  blocks: PrintBlock[];
  /** Each part's title page as HTML, by part id. */
  partPages: Map<string, string>;
  /** The ids and fragment links of each block, chapter or part page, by its id (see `partDocuments`). */
  idsAndLinks: Map<string, IdsAndLinks>;
}

/** The HTML of the block `id` of `body`: a chapter's section or a part's title page. */
export function blockHtml(body: PrintBody, id: string): string {
  return body.chapters.get(id) ?? body.partPages.get(id)!;
}

/**
 * Serialises every chapter for print (see `printChapter`): one document for the whole
 * book, so ids are prefixed with their chapter's id and links become fragments; every
 * page anchor gets an id, so measuring can learn its page; running text gets soft hyphens
 * when there are patterns for the book's language. With a `cache`, a chapter serialised
 * before under the same key (see `printChapterKeys`) is taken from it, and the others are
 * stored in it.
 */
export async function printBody(book: Book, hyphenate: Hyphenator | undefined, cache?: PrintChapterCache): Promise<PrintBody> {
  const addressing = printAddressing(book);
  const keys = cache ? await printChapterKeys(book, hyphenate !== undefined) : undefined;
  const chapters = new Map<string, string>();
  const anchors = new Map<string, string[]>();
  const idsAndLinks = new Map<string, IdsAndLinks>();
  for (const chapter of book.chapters) {
    let printed = keys && cache!.read(keys.get(chapter.id)!);
    if (!printed) {
      printed = printChapter(chapter, addressing, hyphenate);
      if (keys) cache!.write(keys.get(chapter.id)!, printed);
    }
    chapters.set(chapter.id, printed.html);
    anchors.set(chapter.id, printed.anchors);
    idsAndLinks.set(chapter.id, { ids: printed.ids, links: printed.links });
  }
  const partPages = new Map(book.parts.map((part) => [part.id, partPage(book, part)]));
  for (const [id, html] of partPages) idsAndLinks.set(id, idsAndLinksOfHtml(html));
  return { book, chapters, anchors, blocks: printBlocks(book), partPages, idsAndLinks };
}

/** Which part of the book a print document holds, and what it knows of the layout. */
export interface PrintDocumentOptions {
  /**
   * From the measured layout: blank versos, contents page numbers, running heads, folios.
   * Only the whole book is rendered with its plan (the web edition's print view); the
   * parts the PDF is printed from get theirs in the page (see `partPlan`).
   */
  plan?: PrintPlan;
  /** Only these blocks, chapters and part pages (a part of the book; see `printBlocks`); default all. */
  chapterIds?: ReadonlySet<string>;
  /**
   * Ids to link from a hidden index: Chromium writes a destination (and so a page number)
   * only for an element that a link points to, shown or not.
   */
  measureIndex?: readonly string[];
  /** Styles added last, to lay the chapters out for measuring (see `column-layout.ts`). */
  measureStyles?: string;
  /** Whether the document begins with the front pages; a later part of a book printed in parts has none. Default true. */
  front?: boolean;
  /**
   * Ids that links in this document point to but that another part holds. Each gets an
   * empty, hidden target, so Chromium keeps the link (it drops links to missing ids); the
   * joined PDF points the link's named destination at the real one.
   */
  outsideTargets?: readonly string[];
  /**
   * For a document that is only printed: hidden on screen. Chromium lays a loaded page
   * out for the screen first, which printing then does again at the page size; hidden,
   * the document is laid out once. The web edition's copy is never hidden.
   */
  printOnly?: boolean;
}

/**
 * The print document: half title, title page, copyright page, contents, then every
 * chapter, each part's title page before its first. With a plan from an earlier render,
 * it also has the blank versos that make chapters and part pages open on rectos, the page numbers in the contents, and the page rules for
 * running heads and folios; the page-number column keeps its width either way, so the
 * plan never moves anything but whole pages.
 */
export function renderPrintDocument(body: PrintBody, options: PrintDocumentOptions = {}): string {
  const { book } = body;
  const { plan, chapterIds, measureIndex, measureStyles, front = true, outsideTargets, printOnly = false } = options;
  const entries = withPages(contentsEntries(book, { chapter: (chapter) => `#${chapter.id}`, part: (part) => `#${part.id}` }, false), (id) =>
    plan ? folio(plan.starts.get(id)!, plan) : '',
  );
  return renderTemplate('print/book.html.ejs', {
    lang: book.config.lang,
    dir: textDirection(book.config.lang),
    title: book.config.title,
    trim: book.config.trim,
    styles: bookStyleHrefs(book),
    pageStyles: printPageStyles(book, plan),
    measureIndex,
    measureStyles,
    printOnly,
    front,
    outsideTargets,
    frontPages: frontPages(book, renderTemplate('partials/contents.ejs', { entries })),
    label: bookLabel(book),
    blocks: body.blocks.filter((block) => !chapterIds || chapterIds.has(block.id)).map((block) => ({
      html: blockHtml(body, block.id),
      blankBefore: plan?.blankBefore.has(block.id) ?? false,
    })),
  });
}

/** The print edition's front pages, in order (see `bookDocuments`), each as its kind and its HTML; `contents` is the list of the contents page. */
function frontPages(book: Book, contents: string): Array<{ kind: string; html: string }> {
  const pages = { halftitle: halfTitlePage, titlepage: titlePage, copyright: copyrightPage, contents: () => contents } as Record<string, (book: Book) => string>;
  return bookDocuments(book, printKinds)
    .filter((document) => document.kind in pages)
    .map(({ kind }) => ({ kind, html: pages[kind]!(book) }));
}

/** Contents entries with the folio of each chapter and part, by its id, as `pageOf` gives it. */
function withPages(entries: readonly ContentsEntry[], pageOf: (id: string) => string): ContentsEntry[] {
  return entries.map((entry) => ({ ...entry, page: pageOf((entry.chapter ?? entry.part)!.id), children: withPages(entry.children, pageOf) }));
}
