import type { Book, Chapter } from '../book/types.ts';
import { cacheKeys, type CacheInputs } from '../cache/cache-key.ts';
import { linkTargets } from './chapter-section.ts';

/** The cache key of a chapter as one output renders it, given what else the rendering reads of the book. */
export type ChapterOutputKey = (chapter: Chapter, extra: readonly string[]) => string;

/**
 * Keys for one output's rendering of a book's chapters (a `FileCache`'s keys, see
 * `cacheKeys`): a hash of what the output declares (`inputs`: its kind, its code, the
 * settings it reads), the code of `titledTree`, and for each chapter its parse (its
 * `parseKey`), its id, what the output calls each chapter it links to (`targetName`: an
 * id in the print document, a file name in the EPUB), whatever else the rendering reads
 * of it (`extra`), and the fragments its links lead to as the link check settled them.
 * Everything a chapter's tree holds follows from its parse, but for the names of the
 * chapters its links lead to and those fragments, which depend on the rest of the book
 * (a link to a heading whose slug was not a valid XML id takes the id the heading was
 * given in its own chapter, see `linkCheck`), and what its title and the book's labels
 * change in it (its `treeEdits`, made by `titledTree`).
 */
export async function chapterOutputKeys(book: Book, inputs: CacheInputs, targetName: (target: Chapter) => string): Promise<ChapterOutputKey> {
  const key = await cacheKeys({ ...inputs, code: [...(inputs.code ?? []), 'scripts/parse/titled-tree.ts'] });
  const targetOf = linkTargets(book);
  return (chapter, extra) => {
    const linked = new Set(chapter.references.map((reference) => reference.targetPath));
    const targets = [...linked].map((targetPath) => `${targetPath}>${targetName(targetOf({ targetPath }, chapter))}`).sort();
    const fragments = chapter.references.map((reference) => `${reference.targetPath}#${reference.fragment ?? ''}`);
    return key(chapter.parseKey, chapter.treeEdits, chapter.id, ...extra, ...targets, ...fragments);
  };
}
