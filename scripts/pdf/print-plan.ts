import { EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import type { PageMap } from './page-map.ts';

/**
 * Where everything lands in the printed book, learnt from a render: which chapters need a
 * blank verso before them so that they open on a recto, the page each chapter starts on,
 * and where arabic numbering begins.
 */
export interface PrintPlan {
  /** Ids of the chapters that get a blank page before them. */
  blankBefore: Set<string>;
  /** 1-based page on which each chapter starts. */
  starts: Map<string, number>;
  /** The page that is folio 1: the first page of body matter. */
  bodyStart: number;
  pageCount: number;
}

/**
 * Plans the next render from the last one. Blank pages change nothing but the page count
 * after them, so the page a chapter would start on without any blank is its rendered page
 * less the blanks before it; from those, a blank goes before every chapter that would
 * otherwise open on an even (verso) page.
 */
export function planPrint(chapterIds: readonly string[], firstBodyId: string, map: PageMap, previous?: PrintPlan): PrintPlan {
  const blankBefore = new Set<string>();
  const starts = new Map<string, number>();
  let previousBlanks = 0;
  let added = 0;
  for (const id of chapterIds) {
    if (previous?.blankBefore.has(id)) previousBlanks++;
    const rendered = map.pages.get(id);
    if (rendered === undefined) throw new EnvironmentError(`Chromium's PDF has no destination for chapter ${id}`, ExitCode.output);
    let start = rendered - previousBlanks + added;
    if (start % 2 === 0) {
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
  };
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
