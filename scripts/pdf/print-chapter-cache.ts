import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from 'unist-util-visit';
import type { Book, Chapter } from '../book/types.ts';
import { BackgroundWrites } from '../cache/background-writes.ts';
import { cacheDir } from '../cache/cache-dir.ts';
import { codeFingerprint } from '../cache/code-fingerprint.ts';
import { pruneCache, touchCacheEntry } from '../cache/prune-cache.ts';
import { linkTargets } from '../render/chapter-section.ts';
import type { PrintChapter } from './print-chapter.ts';

/**
 * The cache key of each chapter's print HTML, by chapter id: a hash of everything
 * `printChapter` reads. That is the chapter's parse (its `parseKey`), its id, the ids of
 * the chapters its links lead to (print links are fragments named after them), the
 * language its hyphenation patterns are chosen by (none when `hyphenated` is false), and
 * the print code (see `codeFingerprint`).
 */
export async function printChapterKeys(book: Book, hyphenated: boolean): Promise<Map<string, string>> {
  const code = await codeFingerprint('scripts/pdf/print-chapter.ts');
  const targetOf = linkTargets(book);
  const key = (chapter: Chapter) => {
    const hash = createHash('sha256');
    const targets = new Set<string>();
    collectTargets(chapter, (targetPath) => targets.add(`${targetPath}>${targetOf({ targetPath }, chapter).id}`));
    for (const part of [code, chapter.parseKey, chapter.id, hyphenated ? book.config.lang : '', ...[...targets].sort()]) hash.update(part).update('\u0000');
    return hash.digest('hex');
  };
  return new Map(book.chapters.map((chapter) => [chapter.id, key(chapter)]));
}

/** Calls `found` with the target path of every link of `chapter` to a chapter. */
function collectTargets(chapter: Chapter, found: (targetPath: string) => void): void {
  visit(chapter.tree, 'element', (node) => {
    if (node.data?.crossReference) found(node.data.crossReference.targetPath);
  });
}

/**
 * Chapters' print HTML by {@link printChapterKeys}, kept in the `print` folder of the
 * tool's cache between builds, so that a build after an edit serialises and hyphenates
 * only the chapters that changed. Unreadable entries are misses; entries are written
 * whole or not at all, in the background (see {@link settled}), and a cache that cannot
 * be written is only a slower build.
 */
export class PrintChapterCache {
  readonly #dir: string;
  readonly #writing = new BackgroundWrites();

  /** A cache kept in `dir`. */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The cache every build shares, in the `print` folder of the tool's cache (see `cacheDir`). */
  static persistent(env: NodeJS.ProcessEnv = process.env): PrintChapterCache {
    return new PrintChapterCache(cacheDir('print', env));
  }

  /**
   * The print HTML stored under `key`, or undefined. Read synchronously: a few kilobytes
   * read at once cost less than a turn through libuv's four threads, which a build keeps
   * busy with images and compression, for each of a book's hundred chapters.
   */
  async read(key: string): Promise<PrintChapter | undefined> {
    const file = path.join(this.#dir, `${key}.json`);
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as PrintChapter;
      if (typeof entry.html !== 'string' || !Array.isArray(entry.anchors)) return undefined;
      await touchCacheEntry(file);
      return entry;
    } catch {
      return undefined;
    }
  }

  /** Keeps a chapter's print HTML under `key`, written to disk in the background. */
  write(key: string, chapter: PrintChapter): void {
    this.#writing.start(path.join(this.#dir, `${key}.json`), JSON.stringify(chapter));
  }

  /** Resolves when every write started so far is on disk (or has failed). */
  settled(): Promise<void> {
    return this.#writing.settled();
  }
}

/** Removes the print cache's entries that no build has used for a month (see `pruneCache`). */
export function prunePrintCache(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return pruneCache(cacheDir('print', env), /^[\da-f]{64}\.json$/);
}
