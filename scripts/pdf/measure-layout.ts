import { startConcurrently } from '../process/run-concurrently.ts';
import { settleAll } from '../process/settle-all.ts';
import { readTemplateFile } from '../render/templates.ts';
import type { BookPart, PartDocument } from './book-parts.ts';
import type { ColumnLayout, ColumnLayouts } from './column-layout.ts';
import type { PageMap } from './page-map.ts';
import { PartPage, type PartPageOptions } from './part-page.ts';
import type { PrintBody } from './print-document.ts';
import { frontPageIds } from './print-plan.ts';

/**
 * How one chapter lays out, wherever it falls: how many pages, each anchor's page counted
 * from its first, and what is wider than the text block; what the column measure reads
 * (see `ColumnLayout`), kept in the layout cache.
 */
export type ChapterLayout = ColumnLayout;

/** How the front pages lay out: how many, and the page each front page id begins on. */
export interface FrontLayout {
  pages: number;
  starts: Record<string, number>;
}

/** The layout of a whole book, by parts that do not depend on each other. */
export interface BookLayout {
  front: FrontLayout;
  chapters: ReadonlyMap<string, ChapterLayout>;
}

/** Options of {@link measureLayout}. */
export interface MeasureOptions extends PartPageOptions {
  body: PrintBody;
  /** The book's parts (see `splitBook`) and their documents (see `partDocuments`). */
  parts: readonly BookPart[];
  documents: readonly PartDocument[];
  /** Chapters whose layout is already known (from the layout cache); only the others are measured. */
  known: ReadonlyMap<string, ChapterLayout>;
  /** The front pages' layout, when it is already known. */
  knownFront?: FrontLayout;
  /** How many parts to lay out side by side; one per core. */
  lanes: number;
  /** Whether part `index`'s page is kept open after measuring, to be printed. */
  keep: (index: number) => boolean;
}

/** What {@link measureLayout} learnt, and the measured parts' pages it kept open, by part index. */
export interface MeasuredBook {
  layout: BookLayout;
  open: Map<number, PartPage>;
}

/**
 * Learns how the front pages and every chapter not already known lay out, without the
 * running heads, blanks or page numbers that depend on it. Chapters begin on new pages
 * and mirrored margins keep the text block the same on both sides, so a chapter lays out
 * the same wherever it falls: each part that holds something to measure is opened in a
 * page of its own (so on a core of its own), `lanes` at a time, and what it holds is set
 * in columns the size of the text block (see `column-layout.ts`), with no PDF made. The
 * pages `keep` names stay open, ready to print; on any failure every page is closed.
 */
export async function measureLayout(options: MeasureOptions): Promise<MeasuredBook> {
  const { body, known, knownFront } = options;
  const { trim } = body.book.config;
  const sheets = [readTemplateFile('styles/print.css'), ...body.book.styles.map((style) => style.css), `@page { size: ${trim.width}in ${trim.height}in; }`];
  const wanted = options.parts.map((part, index) => ({
    index,
    front: part.front && !knownFront,
    chapters: Object.fromEntries(part.chapterIds.filter((id) => !known.has(id)).map((id) => [id, body.anchors.get(id) ?? []])),
  }));
  const open = new Map<number, PartPage>();
  const measuring = startConcurrently(
    wanted.filter((request) => request.front || Object.keys(request.chapters).length > 0),
    options.lanes,
    async ({ index, front, chapters }) => {
      const page = await PartPage.open(options, `part-${index}`, options.documents[index]!.html, true);
      let kept = false;
      try {
        const measured = await page.measure(sheets, { front, chapters });
        if (options.keep(index)) {
          open.set(index, page);
          kept = true;
        }
        return measured;
      } finally {
        if (!kept) await page.close();
      }
    },
  );
  let results: ColumnLayouts[];
  try {
    results = await settleAll(measuring);
  } catch (error) {
    await Promise.all([...open.values()].map((page) => page.close()));
    throw error;
  }
  const chapters = new Map(known);
  let front = knownFront;
  for (const measured of results) {
    for (const [id, layout] of Object.entries(measured.chapters)) chapters.set(id, layout);
    if (measured.front) {
      const starts = Object.fromEntries(frontPageIds.filter((id) => id in measured.front!.starts).map((id) => [id, measured.front!.starts[id]!]));
      front = { pages: measured.front.pages, starts };
    }
  }
  return { layout: { front: front!, chapters }, open };
}

/** The page map of a whole book from the layouts of its parts: front pages, then each block (chapter or part page) in order. */
export function pageMapOf(body: PrintBody, layout: BookLayout): PageMap {
  const pages = new Map<string, number>(Object.entries(layout.front.starts));
  let next = layout.front.pages + 1;
  for (const block of body.blocks) {
    const measured = layout.chapters.get(block.id)!;
    pages.set(block.id, next);
    for (const [anchor, offset] of Object.entries(measured.anchors)) pages.set(anchor, next + offset);
    next += measured.pages;
  }
  return { pageCount: next - 1, pages };
}
