import { reportWarning } from '../diagnostics/report.ts';
import { findInProse } from './find-in-prose.ts';
import type { LintRule } from './types.ts';

/**
 * `double-hyphen`: a `--` left in the rendered text after smart typography, outside code,
 * where an en dash (–) or an em dash (—) was meant. As with straight quotes, it comes from
 * text smart typography never sees: a front-matter title, a figure caption.
 */
export const doubleHyphen: LintRule = {
  id: 'double-hyphen',
  check(book) {
    for (const chapter of book.chapters) {
      for (const { place } of findInProse(chapter, /-{2,}/g)) {
        reportWarning(chapter.file, 'Double hyphen `--` in the text: write an en dash (–) or an em dash (—)', place, 'double-hyphen');
      }
    }
  },
};
