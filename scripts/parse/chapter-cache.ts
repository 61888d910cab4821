import type { VFile } from 'vfile';
import { cacheDir } from '../cache/cache-dir.ts';
import { cacheKeys } from '../cache/cache-key.ts';
import { FileCache } from '../cache/file-cache.ts';
import type { ParseSettings } from '../config/parse-settings.ts';
import { assetListingHash } from '../manuscript/asset-listing.ts';
import { decodeParsedRecord, type ParsedRecord } from './parsed-record.ts';

/**
 * The cache keys of chapters' parses in the manuscript folder `manuscriptDir` (see
 * `cacheKeys`): a hash of the parse code (a parse job's module and all it imports: the
 * processor, how it runs, the record it makes; with the exact dependency versions and
 * the Node.js version, which also decides the records' serialisation), the book's
 * {@link ParseSettings}, the folder and which non-chapter files it holds
 * (`assetListingHash`), and each chapter's path and text.
 */
export async function chapterKeys(manuscriptDir: string, settings: ParseSettings): Promise<(file: VFile) => string> {
  const key = await cacheKeys({ kind: 'parse', code: ['scripts/parse/parse-job.ts'], config: settings, content: [await assetListingHash(manuscriptDir), manuscriptDir] });
  return (file) => key(file.path, String(file.value));
}

/**
 * Parse results of chapters by {@link chapterKeys}, as encoded records: in memory for a
 * process that parses the same manuscript again and again (the preview server), and in a
 * folder on disk, when the cache has one, for every later build (a `FileCache`). Each read
 * decodes a fresh copy, private to its caller, who may change the tree. Unreadable or
 * corrupt entries are misses; entries are written whole or not at all, and a cache that
 * cannot be written is only a slower build.
 */
export class ChapterCache {
  /** The entries on disk, when the cache has a folder. */
  readonly #files: FileCache | undefined;
  /** The last entry per chapter path, so the memory held stays one book's worth. */
  readonly #memory = new Map<string, { key: string; bytes: Uint8Array }>();

  /** A cache in memory, kept on disk too when `dir` is given. */
  constructor(options: { dir?: string } = {}) {
    this.#files = options.dir ? new FileCache(options.dir, '.v8') : undefined;
  }

  /** The cache every build and preview shares, in the `parse` folder of the tool's cache (see `cacheDir`). */
  static persistent(env: NodeJS.ProcessEnv = process.env): ChapterCache {
    return new ChapterCache({ dir: cacheDir('parse', env) });
  }

  /** The parse stored for the chapter at `chapterPath` under `key`, or undefined. */
  async read(chapterPath: string, key: string): Promise<ParsedRecord | undefined> {
    const remembered = this.#memory.get(chapterPath);
    if (remembered?.key === key) return decodeParsedRecord(key, remembered.bytes);
    const bytes = this.#files?.read(key);
    const record = bytes && decodeParsedRecord(key, bytes);
    if (bytes && record) this.#memory.set(chapterPath, { key, bytes });
    return record;
  }

  /**
   * Keeps a chapter's parse, encoded by `encodeParsedRecord` under `key`: at once in
   * memory, and on disk in the background, so a cold build does not wait on a few hundred
   * file writes before going on (see {@link settled}).
   */
  write(chapterPath: string, key: string, bytes: Uint8Array): void {
    this.#memory.set(chapterPath, { key, bytes });
    this.#files?.write(key, bytes);
  }

  /** Resolves when every write started so far is on disk (or has failed, which only makes a later build slower). */
  async settled(): Promise<void> {
    await this.#files?.settled();
  }

  /** Removes the entries on disk that no build has used for a month (see `pruneCache`). */
  async prune(): Promise<void> {
    await this.#files?.prune();
  }
}
