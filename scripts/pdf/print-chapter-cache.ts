import type { Book } from '../book/types.ts';
import { FileCache } from '../cache/file-cache.ts';
import { chapterOutputKeys } from '../render/chapter-output-keys.ts';
import type { PrintChapter } from './print-chapter.ts';

/**
 * The cache key of each chapter's print HTML, by chapter id (see `chapterOutputKeys`):
 * print links are fragments named after the ids of the chapters they lead to, and what
 * else `printChapter` reads is the language its hyphenation patterns are chosen by (none
 * when `hyphenated` is false).
 */
export async function printChapterKeys(book: Book, hyphenated: boolean): Promise<Map<string, string>> {
  const inputs = { kind: 'print', code: ['scripts/pdf/print-chapter.ts'], config: { hyphenation: hyphenated ? book.config.lang : null } };
  const key = await chapterOutputKeys(book, inputs, (target) => target.id);
  return new Map(book.chapters.map((chapter) => [chapter.id, key(chapter, [])]));
}

/**
 * Chapters' print HTML by {@link printChapterKeys}, kept in the `print` folder of the
 * tool's cache between builds (see `FileCache`), so that a build after an edit serialises
 * and hyphenates only the chapters that changed.
 */
export class PrintChapterCache {
  /** A cache kept in `files`. */
  constructor(private readonly files: FileCache) {}

  /** The cache every build shares, in the `print` folder of the tool's cache (see `cacheDir`). */
  static persistent(env: NodeJS.ProcessEnv = process.env): PrintChapterCache {
    return new PrintChapterCache(FileCache.persistent('print', '.json', env));
  }

  /** The print HTML stored under `key`, with its anchors, ids and links, or undefined. */
  read(key: string): PrintChapter | undefined {
    try {
      const entry = JSON.parse(this.files.read(key)?.toString('utf8') ?? 'null') as PrintChapter | null;
      return typeof entry?.html === 'string' && [entry.anchors, entry.ids, entry.links].every(Array.isArray) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps a chapter's print HTML under `key`, written to disk in the background. */
  write(key: string, chapter: PrintChapter): void {
    this.files.write(key, JSON.stringify(chapter));
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
