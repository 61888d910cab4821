import type { Book } from '../book/types.ts';
import type { Addressing } from '../render/chapter-section.ts';

/**
 * Print addressing: every chapter in one document, so each id is prefixed with its
 * chapter's id and every link becomes a fragment of the one page.
 */
export function printAddressing(book: Book): Addressing {
  const byPath = new Map(book.chapters.map((chapter) => [chapter.sourcePath, chapter]));
  return {
    href(reference, from) {
      const target = byPath.get(reference.targetPath);
      if (!target) throw new Error(`Unchecked link from ${from.sourcePath} to ${reference.targetPath}`);
      return `#${reference.fragment ? `${target.id}--${reference.fragment}` : target.id}`;
    },
    id: (id, chapter) => `${chapter.id}--${id}`,
  };
}
