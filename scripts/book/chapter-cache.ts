import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import { BackgroundWrites } from '../cache/background-writes.ts';
import { cacheDir } from '../cache/cache-dir.ts';
import { pruneCache, touchCacheEntry } from '../cache/prune-cache.ts';
import { decodeParsedRecord, type ParsedRecord } from '../parse/parsed-record.ts';

/** What a chapter's parse depends on besides its own text and path; the same for every chapter of a build. */
export interface ParseContext {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  /** The toolchain's parse code and dependencies (`parseFingerprint`). */
  fingerprint: string;
  /** Which non-chapter files the manuscript holds (`assetListingHash`). */
  assets: string;
}

/** The cache key of one chapter's parse: a hash of its path, its text and the {@link ParseContext}. */
export function chapterKey(context: ParseContext, file: VFile): string {
  const hash = createHash('sha256');
  for (const part of [context.fingerprint, context.assets, context.manuscriptDir, file.path, String(file.value)]) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/**
 * Parse results of chapters by {@link chapterKey}, as encoded records: in memory for a
 * process that parses the same manuscript again and again (the preview server), and in a
 * folder on disk, when the cache has one, for every later build. Each read decodes a
 * fresh copy, private to its caller, who may change the tree. Unreadable or corrupt
 * entries are misses; entries are written whole or not at all, and a cache that cannot
 * be written is only a slower build.
 */
export class ChapterCache {
  readonly #dir: string | undefined;
  /** The last entry per chapter path, so the memory held stays one book's worth. */
  readonly #memory = new Map<string, { key: string; bytes: Uint8Array }>();
  /** Writes to the folder not yet finished. */
  readonly #writing = new BackgroundWrites();

  /** A cache in memory, kept on disk too when `dir` is given. */
  constructor(options: { dir?: string } = {}) {
    this.#dir = options.dir;
  }

  /** The cache every build and preview shares, in the `parse` folder of the tool's cache (see `cacheDir`). */
  static persistent(env: NodeJS.ProcessEnv = process.env): ChapterCache {
    return new ChapterCache({ dir: cacheDir('parse', env) });
  }

  /** The parse stored for the chapter at `chapterPath` under `key`, or undefined. */
  async read(chapterPath: string, key: string): Promise<ParsedRecord | undefined> {
    const remembered = this.#memory.get(chapterPath);
    if (remembered?.key === key) return decodeParsedRecord(key, remembered.bytes);
    if (!this.#dir) return undefined;
    const file = path.join(this.#dir, `${key}.v8`);
    const bytes = await readFile(file).catch(() => undefined);
    const record = bytes && decodeParsedRecord(key, bytes);
    if (bytes && record) {
      this.#memory.set(chapterPath, { key, bytes });
      await touchCacheEntry(file);
    }
    return record;
  }

  /**
   * Keeps a chapter's parse, encoded by `encodeParsedRecord` under `key`: at once in
   * memory, and on disk in the background, so a cold build does not wait on a few hundred
   * file writes before going on (see {@link settled}).
   */
  write(chapterPath: string, key: string, bytes: Uint8Array): void {
    this.#memory.set(chapterPath, { key, bytes });
    if (this.#dir) this.#writing.start(path.join(this.#dir, `${key}.v8`), bytes);
  }

  /** Resolves when every write started so far is on disk (or has failed, which only makes a later build slower). */
  settled(): Promise<void> {
    return this.#writing.settled();
  }
}

/** Removes the persistent parse cache's entries that no build has used for a month (see `pruneCache`). */
export function pruneParseCache(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return pruneCache(cacheDir('parse', env), /^[\da-f]{64}\.v8$/);
}
