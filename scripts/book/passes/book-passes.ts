import type { BookPass } from './pass.ts';
import { duplicateTitles } from './duplicate-titles.ts';
import { linkCheck } from './link-check.ts';

/**
 * The passes every book goes through once its chapters are built, in this order (see
 * `BookPass`): a pass sees the facts the passes before it added. A new book-wide feature
 * (numbered cross-references, citations, an index) is a pass of its own, added here.
 */
export const bookPasses: readonly BookPass[] = [duplicateTitles, linkCheck];
