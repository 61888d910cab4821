import type { Book } from '../book/types.ts';
import { printBlocks } from './print-blocks.ts';
import { printPageStyles } from './print-page-styles.ts';
import { idsAndLinksOfHtml, joinIdsAndLinks, type IdsAndLinks } from './ids-and-links.ts';
import { renderPrintDocument, type PrintBody } from './print-document.ts';
import { folio, type PrintPlan } from './print-plan.ts';

/**
 * One part of a book, laid out and printed as a document of its own: a run of
 * consecutive chapters, the first part with the front pages before them.
 */
export interface BookPart {
  /** Ids of its blocks (see `printBlocks`): chapters, and the title pages of the book's own parts. */
  chapterIds: string[];
  /** Whether the part holds the front pages (the first part does). */
  front: boolean;
}

/**
 * About how much Markdown one part holds (some 130,000 words). Chromium's work for each
 * printed page grows with the size of the whole document (figures: docs/performance.md,
 * 'Figures behind the design'), and its renderer holds the whole document, so one
 * document for a very long book costs time that grows with the square of its length and
 * memory that grows with it.
 */
export const charactersPerPart = 800_000;

/**
 * Below this much Markdown (some 35,000 words) a book is one part: a second renderer
 * takes longer to start than the half of the work it saves.
 */
export const charactersWorthSharing = 200_000;

/**
 * Cuts a book into parts of about equal length by their Markdown, to be laid out and
 * printed `lanes` at a time, one per core: one part for a short book; else `lanes`
 * parts, or a multiple of `lanes` so that none is much over `most` characters. Chapters
 * begin on new pages and mirrored margins keep the text block the same on both sides, so
 * a chapter lays out the same in any part; a part's first page is a recto, as every
 * chapter opening is, with the blank verso a chapter may need before it ending the part
 * before (see {@link partPlan}).
 */
export function splitBook(book: Book, lanes: number, most = charactersPerPart): BookPart[] {
  return splitBlocks(printBlocks(book), lanes, most);
}

/** Cuts `sizes`, the blocks of a print document, into parts as {@link splitBook} does. */
export function splitBlocks(sizes: ReadonlyArray<{ id: string; size: number }>, lanes: number, most = charactersPerPart): BookPart[] {
  const total = sizes.reduce((sum, chapter) => sum + chapter.size, 0);
  const count = total < Math.min(charactersWorthSharing, most) ? 1 : lanes * Math.ceil(total / (lanes * most));
  const groups: string[][] = [[]];
  let filled = 0;
  for (const chapter of sizes) {
    if (filled >= (total / count) * groups.length && groups.length < count) groups.push([]);
    groups.at(-1)!.push(chapter.id);
    filled += chapter.size;
  }
  return groups.filter((group) => group.length > 0).map((chapterIds, index) => ({ chapterIds, front: index === 0 }));
}

/** A part's document, and the ids given empty targets in it (see `outsideTargets`). */
export interface PartDocument {
  html: string;
  outsideTargets: string[];
}

/**
 * The documents of `parts`, before any layout is known: each has its chapters (and the
 * front pages, in the first), the measuring styles `measureStyles` (see `measure.css`),
 * and an empty target for every id its links point to that another part holds. Chromium
 * writes a destination only for an element that a link of the same document points to,
 * so when there is more than one part, a hidden index in each links every element of it
 * that any link of the book points to (and every chapter, whose pages check the plan):
 * the joined PDF then has a destination for each. What depends on the layout is applied
 * later, in the page (see {@link partPlan}).
 *
 * A part's ids and links are known before its document is written: its blocks' from the
 * print body (see `PrintBody.idsAndLinks`), and those of the document around them (the
 * front pages and their contents) read once from that frame's tree; so each document is
 * rendered once.
 */
export function partDocuments(body: PrintBody, parts: readonly BookPart[], measureStyles: string): PartDocument[] {
  const linked = new Set(parts.length > 1 ? [...body.chapters.keys()].flatMap((id) => body.idsAndLinks.get(id)!.links).concat(parts.flatMap((part) => part.chapterIds)) : []);
  const frames = new Map<boolean, IdsAndLinks>();
  return parts.map((part) => {
    const options = { chapterIds: new Set(part.chapterIds), front: part.front, measureStyles, printOnly: true };
    if (!frames.has(part.front)) frames.set(part.front, idsAndLinksOfHtml(renderPrintDocument(body, { ...options, chapterIds: new Set() })));
    const blocks = body.blocks.filter((block) => options.chapterIds.has(block.id)).map((block) => body.idsAndLinks.get(block.id)!);
    const { ids: idList, links } = joinIdsAndLinks([frames.get(part.front)!, ...blocks]);
    const ids = new Set(idList);
    const outsideTargets = [...new Set(links)].filter((id) => !ids.has(id));
    const measureIndex = [...ids].filter((id) => linked.has(id));
    // An index only where there is something to add (as a document without either has none).
    const extras = outsideTargets.length === 0 && measureIndex.length === 0 ? {} : { outsideTargets, measureIndex };
    return { html: renderPrintDocument(body, { ...options, ...extras }), outsideTargets };
  });
}

/** What a plan changes in one part's document: the layout-dependent parts of the print document. */
export interface PartPlan {
  /** The page rules (running heads, folios; see `printPageStyles`), counting from the part's first page. */
  pageStyles: string;
  /** Chapters of the part that get a blank verso before them. */
  blankBefore: string[];
  /** Whether the part ends with a blank verso, which the next part's first chapter needs before it. */
  blankAfter: boolean;
  /** The page numbers of the contents, by chapter or part id (only in the part with the front pages). */
  folios: Record<string, string>;
}

/**
 * What `plan` makes of part `index` of `parts`. A blank verso before the first chapter of
 * a later part ends the part before instead, so every part begins on its first chapter's
 * opening page, a recto.
 */
export function partPlan(body: PrintBody, plan: PrintPlan, parts: readonly BookPart[], index: number): PartPlan {
  const part = parts[index]!;
  const next = parts[index + 1];
  const firstPage = part.front ? 1 : plan.starts.get(part.chapterIds[0]!)!;
  return {
    pageStyles: printPageStyles(body.book, plan, firstPage),
    blankBefore: part.chapterIds.filter((id, position) => plan.blankBefore.has(id) && (part.front || position > 0)),
    blankAfter: next !== undefined && plan.blankBefore.has(next.chapterIds[0]!),
    folios: part.front ? Object.fromEntries(body.blocks.map((block) => [block.id, folio(plan.starts.get(block.id)!, plan)])) : {},
  };
}
