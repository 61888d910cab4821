import { reportWarning } from '../diagnostics/report.ts';
import { findInProse } from './find-in-prose.ts';
import type { LintRule } from './types.ts';

/**
 * `straight-quote`: a `"` or `'` left in the rendered text after smart typography, outside
 * code. Smart typography educates the Markdown's prose, so what is left comes from text it
 * never sees: a front-matter title, a figure caption written as an image title.
 */
export const straightQuote: LintRule = {
  id: 'straight-quote',
  check(book) {
    for (const chapter of book.chapters) {
      for (const { text, place } of findInProse(chapter, /["']/g)) {
        const curly = text === '"' ? '“ ”' : '‘ ’';
        reportWarning(chapter.file, `Straight quote \`${text}\` in the text: write ${curly} here, smart typography does not reach it`, place, 'straight-quote');
      }
    }
  },
};
