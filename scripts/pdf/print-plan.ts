import { EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import type { PageMap } from './page-map.ts';

/** Ids of the front pages in the print document, whose pages are measured too. */
export const frontPageIds = ['titlepage', 'copyright-page', 'contents'] as const;

/**
 * Where everything lands in the printed book, learnt from a render: which chapters need a
 * blank verso before them so that they open on a recto, the page each chapter starts on,
 * where arabic numbering begins, and on which page each page anchor falls.
 */
export interface PrintPlan {
  /** Ids of the blocks (chapters, part pages) that get a blank page before them. */
  blankBefore: Set<string>;
  /** 1-based page on which each block (chapter or part page) starts. */
  starts: Map<string, number>;
  /** The page that is folio 1: the first page of body matter. */
  bodyStart: number;
  pageCount: number;
  /** For each page anchor: its chapter and how many pages after the chapter's start it falls. */
  anchorOffsets: Map<string, { chapterId: string; offset: number }>;
  /** The pages on which the title page, the copyright page and the contents begin. */
  frontPages: Map<string, number>;
}

/**
 * Plans the next render from the last one. Blank pages change nothing but the page count
 * after them, so the page a block (a chapter, a part page) would start on without any
 * blank is its rendered page less the blanks before it; from those, a blank goes before
 * every block that opens on a recto (see `PrintBlock.recto`) and would otherwise fall on
 * an even (verso) page. A sub-chapter starts on whatever page comes next.
 */
export function planPrint(
  blocks: ReadonlyArray<{ id: string; recto: boolean }>,
  firstBodyId: string,
  map: PageMap,
  anchors: ReadonlyMap<string, readonly string[]>,
  previous?: PrintPlan,
): PrintPlan {
  const blankBefore = new Set<string>();
  const starts = new Map<string, number>();
  let previousBlanks = 0;
  let added = 0;
  for (const { id, recto } of blocks) {
    if (previous?.blankBefore.has(id)) previousBlanks++;
    const rendered = map.pages.get(id);
    if (rendered === undefined) throw new EnvironmentError(`Chromium's PDF has no destination for chapter ${id}`, ExitCode.output);
    let start = rendered - previousBlanks + added;
    if (recto && start % 2 === 0) {
      blankBefore.add(id);
      added++;
      start++;
    }
    starts.set(id, start);
  }
  return {
    blankBefore,
    starts,
    bodyStart: starts.get(firstBodyId)!,
    pageCount: map.pageCount - previousBlanks + added,
    anchorOffsets: previous?.anchorOffsets ?? anchorOffsets(blocks.map((block) => block.id), map, anchors),
    frontPages: previous?.frontPages ?? new Map(frontPageIds.filter((id) => map.pages.has(id)).map((id) => [id, map.pages.get(id)!])),
  };
}

/** Where each page anchor falls relative to its chapter's start: the same wherever the chapter lands. */
function anchorOffsets(chapterIds: readonly string[], map: PageMap, anchors: ReadonlyMap<string, readonly string[]>) {
  const offsets = new Map<string, { chapterId: string; offset: number }>();
  for (const chapterId of chapterIds) {
    const start = map.pages.get(chapterId)!;
    for (const anchor of anchors.get(chapterId) ?? []) {
      const page = map.pages.get(anchor);
      if (page !== undefined) offsets.set(anchor, { chapterId, offset: page - start });
    }
  }
  return offsets;
}

/** The final page of a page anchor. */
export function anchorPage(plan: PrintPlan, anchorId: string): number | undefined {
  const entry = plan.anchorOffsets.get(anchorId);
  return entry && plan.starts.get(entry.chapterId)! + entry.offset;
}

/** True when a render landed every chapter where the plan said it would. */
export function planHolds(plan: PrintPlan, map: PageMap): boolean {
  for (const [id, page] of plan.starts) if (map.pages.get(id) !== page) return false;
  return map.pageCount === plan.pageCount;
}

/** The folio printed for a page: lower-case roman before the body, arabic from 1 after. */
export function folio(page: number, plan: PrintPlan): string {
  return page < plan.bodyStart ? roman(page) : String(page - plan.bodyStart + 1);
}

function roman(value: number): string {
  const numerals: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let rest = value;
  let text = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      text += numeral;
      rest -= amount;
    }
  }
  return text;
}
