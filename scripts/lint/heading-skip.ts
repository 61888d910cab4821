import { visit, SKIP } from 'unist-util-visit';
import { reportWarning } from '../diagnostics/report.ts';
import { isNotesSection } from '../transforms/rehype-book-footnotes.ts';
import type { LintRule } from './types.ts';

const headingLevel = /^h([1-6])$/;

/**
 * `heading-skip`: a heading more than one level below the heading before it (`##` then
 * `####`). The contents and the PDF's bookmarks would jump a level, and so would a screen
 * reader's outline. The notes section that closes a chapter is not the author's and is skipped.
 */
export const headingSkip: LintRule = {
  id: 'heading-skip',
  check(book) {
    for (const chapter of book.chapters) {
      let previous = 0;
      visit(chapter.tree, 'element', (node) => {
        if (isNotesSection(node)) return SKIP;
        const match = headingLevel.exec(node.tagName);
        if (!match) return undefined;
        const level = Number(match[1]);
        if (level > previous + 1) {
          const expected = '#'.repeat(previous + 1);
          const reason = previous === 0
            ? `Heading level ${level} comes before any level-1 heading`
            : `Heading level ${level} follows level ${previous}: use \`${expected}\` so the outline does not skip a level`;
          reportWarning(chapter.file, reason, node.position, 'heading-skip');
        }
        previous = level;
        return undefined;
      });
    }
  },
};
