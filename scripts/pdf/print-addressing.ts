import type { Book } from '../book/types.ts';
import { linkTargets, type Addressing } from '../render/chapter-section.ts';

/**
 * Print addressing: every chapter in one document, so each id is prefixed with its
 * chapter's id and every link becomes a fragment of the one page.
 */
export function printAddressing(book: Book): Addressing {
  const targetOf = linkTargets(book);
  return {
    href(reference, from) {
      const target = targetOf(reference, from);
      return `#${reference.fragment ? `${target.id}--${reference.fragment}` : target.id}`;
    },
    id: (id, chapter) => `${chapter.id}--${id}`,
  };
}
