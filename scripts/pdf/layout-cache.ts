import { stat } from 'node:fs/promises';
import { chromiumFlags } from '../browser/chromium-flags.ts';
import { resolveBrowser } from '../browser/resolve-browser.ts';
import { bookStylesFingerprint } from '../book/book-styles.ts';
import { cacheKeys } from '../cache/cache-key.ts';
import { FileCache } from '../cache/file-cache.ts';
import { textDirection } from '../config/text-direction.ts';
import type { ChapterLayout, FrontLayout } from './measure-layout.ts';
import { blockHtml, renderPrintDocument, type PrintBody } from './print-document.ts';

/** The cache keys of a book's layout: one for its front pages, one per chapter or part page. */
export interface LayoutKeys {
  front: string;
  chapters: Map<string, string>;
}

/**
 * The keys under which the parts of a book's layout are cached (see `cacheKeys`). Each is
 * a hash of what decides where that part's pages break: its own HTML (a chapter's
 * section; for the front pages, the print document without chapters, which holds the
 * contents), plus what every part shares — the measuring code, the trim, the book's direction, the print
 * stylesheets (the book's own too) and fonts, and the Chromium binary that lays it out
 * (its path, size and date) with the flags it is started with. Editing one chapter changes only its own key
 * and, when its title changes, the front pages'. Keys start with `front-` or `chapter-`.
 */
export async function layoutKeys(body: PrintBody, fontsCss: string): Promise<LayoutKeys> {
  const browser = await resolveBrowser();
  const binary = await stat(browser);
  const { trim } = body.book.config;
  const key = await cacheKeys({
    kind: 'layout',
    code: ['scripts/pdf/column-layout.ts'],
    // A chapter lays out otherwise in a book written the other way (its root's `dir`, `rtl.css`).
    config: { trim: `${trim.width}x${trim.height}`, direction: textDirection(body.book.config.lang) },
    templates: ['styles/base.css', 'styles/print.css', 'styles/rtl.css', 'print/measure.css'],
    content: [await bookStylesFingerprint(body.book), fontsCss, `${browser}:${binary.size}:${binary.mtimeMs}`, chromiumFlags.join(' ')],
  });
  return {
    front: `front-${key('front', renderPrintDocument(body, { chapterIds: new Set() }))}`,
    chapters: new Map(body.blocks.map((block) => [block.id, `chapter-${key('chapter', blockHtml(body, block.id))}`])),
  };
}

/**
 * Measured parts of print layouts by {@link layoutKeys}, kept in the `layout` folder of
 * the tool's cache between builds (see `FileCache`), so that a build after an edit
 * measures only the chapters that changed. Each entry is written whole or not at all,
 * through a temporary file of its own (see `writeFileAtomic`), so books of one catalog
 * that measure the same part at once (two copies of a book) never rename each other's
 * file away.
 */
export class LayoutCache {
  /** A cache kept in `files`. */
  constructor(private readonly files: FileCache) {}

  /** The cache every build shares, in the `layout` folder of the tool's cache (see `cacheDir`). */
  static persistent(env: NodeJS.ProcessEnv = process.env): LayoutCache {
    return new LayoutCache(FileCache.persistent('layout', '.json', env));
  }

  /** A part of a layout measured before under `key`, or undefined. */
  read<T extends ChapterLayout | FrontLayout>(key: string): T | undefined {
    try {
      return (JSON.parse(this.files.read(key)?.toString('utf8') ?? 'null') as T | null) ?? undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a measured part of a layout under `key` for the next build, written in the background (see {@link settled}). */
  write(key: string, layout: ChapterLayout | FrontLayout): void {
    this.files.write(key, JSON.stringify(layout));
  }

  /**
   * Forgets a book's cached layout, front pages and every chapter: a print found it wrong
   * (its chapters did not land where it said), so the next build measures again instead
   * of planning from it, and an EPUB's page list never follows it.
   */
  async drop(keys: LayoutKeys): Promise<void> {
    await Promise.all([keys.front, ...keys.chapters.values()].map((key) => this.files.drop(key)));
  }

  /** Resolves when every write started so far is on disk (or has failed). */
  settled(): Promise<void> {
    return this.files.settled();
  }

  /** Removes the entries that no build has used for a month (see `pruneCache`). */
  prune(): Promise<void> {
    return this.files.prune();
  }
}
