import { doubleHyphen } from './double-hyphen.ts';
import { duplicateId } from './duplicate-id.ts';
import { emptyChapter } from './empty-chapter.ts';
import { headingSkip } from './heading-skip.ts';
import { straightQuote } from './straight-quote.ts';
import type { LintRule } from './types.ts';

/** The rules `npm run check` adds to the build's own diagnostics, in the order they run. */
export const lintRules: readonly LintRule[] = [headingSkip, duplicateId, straightQuote, doubleHyphen, emptyChapter];
