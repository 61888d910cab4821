import { ChapterCache } from './book/chapter-cache.ts';
import { pruneLayoutCache } from './pdf/layout-cache.ts';
import { PrintChapterCache } from './pdf/print-chapter-cache.ts';
import { FileCache } from './cache/file-cache.ts';

/**
 * The caches one build reads and fills, in the tool's cache folder (see `cacheDir`): each
 * chapter's parse, its print HTML and its EPUB XHTML, and the images made ready for
 * e-readers. The print layout's cache is read and written by the layout step itself. A
 * build settles them before it ends, so no entry is left half-written, and prunes them.
 */
export class BuildCaches {
  /** Each chapter's parse (see `ChapterCache`). */
  readonly parse = ChapterCache.persistent();
  /** Each chapter's print HTML (see `PrintChapterCache`). */
  readonly print = PrintChapterCache.persistent();
  /** Each chapter's EPUB XHTML (see `renderEpub`). */
  readonly epub = FileCache.persistent('epub', '.xhtml');
  /** Images made ready for e-readers (see `EpubImages`). */
  readonly images = FileCache.persistent('images', '.bin');

  /** Resolves when every entry written so far is on disk (or has failed). */
  async settled(): Promise<void> {
    await Promise.all([this.parse.settled(), this.print.settled(), this.epub.settled(), this.images.settled()]);
  }

  /** Once a day, removes the entries of every cache, the layout's too, that no build has used for a month. */
  async prune(): Promise<void> {
    await Promise.all([this.parse.prune(), pruneLayoutCache(), this.print.prune(), this.epub.prune(), this.images.prune()]);
  }
}
