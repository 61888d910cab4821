import { createHash } from 'node:crypto';
import type { Book, Chapter } from '../book/types.ts';
import { linkTargets } from '../render/chapter-section.ts';
import { codeFingerprint } from './code-fingerprint.ts';

/** The cache key of a chapter as one output renders it, given what else the rendering reads. */
export type ChapterOutputKey = (chapter: Chapter, extra: readonly string[]) => string;

/**
 * Keys for one output's rendering of a book's chapters (a `FileCache`'s keys): a hash of
 * the output's code (the `codeFingerprint` of the module `entry`), the chapter's parse
 * (its `parseKey`), its id, what the output calls each chapter it links to (`targetName`:
 * an id in the print document, a file name in the EPUB) and whatever else the rendering
 * reads (`extra`), and the fragments its links lead to as the link check settled them.
 * Everything a chapter's tree holds follows from its parse, but for the names of the
 * chapters its links lead to and those fragments, which depend on the rest of the book
 * (a link to a heading whose slug was not a valid XML id takes the id the heading was
 * given in its own chapter, see `linkCheck`), and what its title and the
 * book's labels change in it (its `treeEdits`, made by `titledTree`, whose code is in the
 * key too).
 */
export async function chapterOutputKeys(book: Book, entry: string, targetName: (target: Chapter) => string): Promise<ChapterOutputKey> {
  const code = await codeFingerprint(entry);
  const titling = await codeFingerprint('scripts/book/titled-tree.ts');
  const targetOf = linkTargets(book);
  return (chapter, extra) => {
    const linked = new Set(chapter.references.map((reference) => reference.targetPath));
    const targets = [...linked].map((targetPath) => `${targetPath}>${targetName(targetOf({ targetPath }, chapter))}`).sort();
    const fragments = chapter.references.map((reference) => `${reference.targetPath}#${reference.fragment ?? ''}`);
    const hash = createHash('sha256');
    for (const part of [code, titling, chapter.parseKey, chapter.treeEdits, chapter.id, ...extra, ...targets, ...fragments]) hash.update(part).update('\u0000');
    return hash.digest('hex');
  };
}
