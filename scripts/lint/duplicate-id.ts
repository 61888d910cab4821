import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import type { Chapter } from '../book/types.ts';
import { reportError } from '../diagnostics/report.ts';
import { printAddressing } from '../pdf/print-addressing.ts';
import type { LintRule } from './types.ts';

/**
 * `duplicate-id`: two elements that would carry the same id in one output document.
 *
 * Authors cannot write ids directly here (no raw HTML, no `{#id}` syntax), but ids are
 * made from what they write, and two can meet:
 * - inside a chapter, which is one document in the EPUB and the web edition: a heading
 *   slug that an XML-name repair turned into another heading's slug (`## 1938` becomes
 *   `h-1938`, as does `## H 1938`), a heading named like the notes section
 *   (`notes-title`), or an id equal to the chapter's own section id;
 * - across chapters, in the merged print document, where every id is prefixed with its
 *   chapter's id: chapter `a` with a heading `x` and a chapter file `a--x.md` both give
 *   `ch-a--x`.
 * The same heading in two chapters (every chapter's `Summary`) is no collision: each
 * chapter is its own document, and print prefixes the ids. A duplicate id fails EPUBCheck
 * and sends links to the wrong place, so it is an error.
 */
export const duplicateId: LintRule = {
  id: 'duplicate-id',
  check(book) {
    for (const chapter of book.chapters) checkChapter(chapter);
    const addressing = printAddressing(book);
    const printIds = new Map<string, Chapter>(book.chapters.map((chapter) => [chapter.id, chapter]));
    for (const chapter of book.chapters) {
      for (const [id, element] of elementsWithIds(chapter)) {
        const printed = addressing.id(id, chapter);
        const owner = printIds.get(printed);
        if (owner && owner !== chapter) {
          reportError(chapter.file, `Id \`${id}\` becomes \`${printed}\` in the print document, which \`${owner.sourcePath}\` already uses`, element.position, 'duplicate-id');
        }
        printIds.set(printed, owner ?? chapter);
      }
    }
  },
};

function checkChapter(chapter: Chapter): void {
  const seen = new Set<string>([chapter.id]);
  visit(chapter.tree, 'element', (node) => {
    const id = node.properties.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      const reason = id === chapter.id
        ? `Id \`${id}\` is the chapter's own id in the EPUB and the web edition: rename the heading`
        : `Id \`${id}\` is used twice in this chapter: rename one of the headings`;
      reportError(chapter.file, reason, node.position, 'duplicate-id');
    }
    seen.add(id);
  });
}

function elementsWithIds(chapter: Chapter): Array<[string, Element]> {
  const found: Array<[string, Element]> = [];
  visit(chapter.tree, 'element', (node) => {
    if (typeof node.properties.id === 'string') found.push([node.properties.id, node]);
  });
  return found;
}
