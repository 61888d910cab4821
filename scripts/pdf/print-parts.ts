import type { PrintBody } from './print-document.ts';
import { renderPrintDocument } from './print-document.ts';
import type { PrintPlan } from './print-plan.ts';

/** One print document of a book printed in parts: a run of chapters and the page it starts on. */
export interface PrintPart {
  chapterIds: string[];
  /** 1-based page of the whole book on which this part begins; the first part, with the front pages, begins on 1. */
  firstPage: number;
}

/**
 * About how many pages one print document holds. Chromium's work for each printed page
 * grows with the size of the whole document (500k words: 2.2 ms a page, 1M: 4.5 ms), and
 * its renderer holds the whole document, so one document for a very long book costs time
 * that grows with the square of its length and memory that grows with it.
 */
export const pagesPerPart = 400;

/** Below this many pages a book is printed whole: a part's own start-up would cost more than sharing the work saves. */
export const pagesWorthSharing = 200;

/**
 * How many pages each part of a book of `pageCount` pages should hold, printed `lanes` at
 * a time: a short book is one part (unless `most` is smaller); a longer one is cut into
 * `lanes` parts, or a multiple of `lanes`, so that every lane works and no part is much
 * over `most` pages.
 */
export function partPages(pageCount: number, lanes: number, most = pagesPerPart): number {
  if (pageCount < pagesWorthSharing) return most;
  const parts = lanes * Math.ceil(pageCount / (lanes * most));
  return Math.ceil(pageCount / parts);
}

/**
 * Cuts the book, following `plan`, into consecutive runs of chapters of about `size`
 * pages each. A later part begins only at a body chapter that opens on a recto with no
 * blank page before it, so its document, whose first page is a right-hand page, lays out
 * exactly as that stretch of the whole book does. A short book is one part.
 */
export function printParts(chapterIds: readonly string[], plan: PrintPlan, size = pagesPerPart): PrintPart[] {
  const parts: PrintPart[] = [{ chapterIds: [], firstPage: 1 }];
  for (const id of chapterIds) {
    const start = plan.starts.get(id)!;
    const current = parts.at(-1)!;
    const cut = start - current.firstPage >= size && start >= plan.bodyStart && start % 2 === 1 && !plan.blankBefore.has(id);
    if (cut) parts.push({ chapterIds: [id], firstPage: start });
    else current.chapterIds.push(id);
  }
  return parts;
}

/** A part's print document, and the ids given empty targets in it (see `outsideTargets`). */
export interface PartDocument {
  html: string;
  outsideTargets: string[];
}

/**
 * The print documents of `parts`: each has its chapters (and the front pages, in the
 * first), page rules counting from its first page, and an empty target for every id its
 * links point to that another part holds. Chromium writes a destination only for an
 * element that a link of the same document points to, so when there is more than one
 * part, a hidden index in each links every element of it that any link of the book
 * points to (and every chapter, whose pages check the plan): the joined PDF then has a
 * destination for each.
 */
export function* partDocuments(body: PrintBody, plan: PrintPlan, parts: readonly PrintPart[]): Generator<PartDocument> {
  const linked = new Set(parts.length > 1 ? [...body.chapters.values()].flatMap(linksOf).concat(parts.flatMap((part) => part.chapterIds)) : []);
  for (const part of parts) {
    const options = { plan, chapterIds: new Set(part.chapterIds), firstPage: part.firstPage, printOnly: true };
    const html = renderPrintDocument(body, options);
    const ids = new Set(idsOf(html));
    const outsideTargets = [...new Set(linksOf(html))].filter((id) => !ids.has(id));
    const measureIndex = [...ids].filter((id) => linked.has(id));
    if (outsideTargets.length === 0 && measureIndex.length === 0) yield { html, outsideTargets };
    else yield { html: renderPrintDocument(body, { ...options, outsideTargets, measureIndex }), outsideTargets };
  }
}

/** The ids of the elements of some HTML, in order. */
function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => decodeAttribute(match[1]!));
}

/** The ids that the fragment links of some HTML point to, in order. */
function linksOf(html: string): string[] {
  return [...html.matchAll(/\shref="#([^"]+)"/g)].map((match) => decodeAttribute(match[1]!));
}

/** The value of a double-quoted attribute as our serialisers escape it (character references). */
function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
  return value.replace(/&(?:#x([\da-f]+)|#(\d+)|(amp|quot|lt|gt|apos));/gi, (_, hex: string, decimal: string, name: string) =>
    hex ? String.fromCodePoint(parseInt(hex, 16)) : decimal ? String.fromCodePoint(Number(decimal)) : named[name.toLowerCase()]!,
  );
}
