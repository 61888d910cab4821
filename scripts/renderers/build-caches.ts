import { ChapterCache } from '../parse/chapter-cache.ts';
import { LayoutCache } from '../pdf/layout-cache.ts';
import { PrintChapterCache } from '../pdf/print-chapter-cache.ts';
import { FileCache } from '../cache/file-cache.ts';

/**
 * The caches one build reads and fills, in the tool's cache folder (see `cacheDir`): each
 * chapter's parse, its print HTML and its EPUB XHTML, and the images made ready for
 * e-readers, and the measured print layouts (written as the layout step measures, see
 * `layOutBook`). A build settles them before it ends, so no entry is left half-written,
 * and prunes them. Every key is made by `cacheKeys` from declared inputs.
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
  /** Measured parts of print layouts (see `LayoutCache`). */
  readonly layout = LayoutCache.persistent();

  /** Resolves when every entry written so far is on disk (or has failed). */
  async settled(): Promise<void> {
    await Promise.all([this.parse.settled(), this.print.settled(), this.epub.settled(), this.images.settled(), this.layout.settled()]);
  }

  /** Once a day, removes the entries of every cache that no build has used for a month. */
  async prune(): Promise<void> {
    await Promise.all([this.parse.prune(), this.layout.prune(), this.print.prune(), this.epub.prune(), this.images.prune()]);
  }
}
