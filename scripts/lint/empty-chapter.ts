import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { reportWarning } from '../diagnostics/report.ts';
import type { LintRule } from './types.ts';

const heading = /^h[1-6]$/;

/**
 * `empty-chapter`: a chapter with nothing but headings, usually a file that was created
 * and never written. An image or any text besides the headings counts as content.
 */
export const emptyChapter: LintRule = {
  id: 'empty-chapter',
  check(book) {
    for (const chapter of book.chapters) {
      let content = false;
      visit(chapter.tree, (node) => {
        if (content) return false;
        if (node.type === 'element' && heading.test(node.tagName)) return 'skip';
        if (node.type === 'element' && node.tagName === 'img') content = true;
        if (node.type === 'text' && toString(node).trim() !== '') content = true;
        return undefined;
      });
      if (!content) reportWarning(chapter.file, `Chapter \`${chapter.title}\` has nothing but its heading`, { line: 1, column: 1 }, 'empty-chapter');
    }
  },
};
