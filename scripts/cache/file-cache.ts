import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { BackgroundWrites } from './background-writes.ts';
import { cacheDir } from './cache-dir.ts';
import { pruneCache, touchCacheEntry } from './prune-cache.ts';

/**
 * Entries of one kind kept between builds: one file per key (a SHA-256 in hex, see
 * `cacheKeys`, perhaps after a lower-case word and a hyphen, such as `front-`) in a
 * folder of the tool's cache. Each entry is read synchronously: a file read at once costs
 * less than a turn through libuv's four threads, which a build keeps busy with images and
 * compression, and a book has a hundred chapters. A missing or unreadable entry is a
 * miss; entries are written whole or not at all, in the background (see {@link settled}),
 * and a cache that cannot be written is only a slower build.
 */
export class FileCache {
  readonly #writing = new BackgroundWrites();

  /** A cache of files named `<key><extension>` in `dir`. */
  constructor(
    readonly dir: string,
    private readonly extension: string,
  ) {}

  /** The cache of `kind` that every build shares (see `cacheDir`). */
  static persistent(kind: string, extension: string, env: NodeJS.ProcessEnv = process.env): FileCache {
    return new FileCache(cacheDir(kind, env), extension);
  }

  /** The bytes stored under `key`, marked as used (see `touchCacheEntry`), or undefined. */
  read(key: string): Buffer | undefined {
    const file = this.#file(key);
    try {
      const bytes = readFileSync(file);
      touchCacheEntry(file);
      return bytes;
    } catch {
      return undefined;
    }
  }

  /** Keeps `data` under `key`, written to disk in the background. */
  write(key: string, data: string | Uint8Array): void {
    this.#writing.start(this.#file(key), data);
  }

  /** Forgets the entry under `key`, if there is one: it proved wrong. */
  async drop(key: string): Promise<void> {
    await rm(this.#file(key), { force: true });
  }

  /** Resolves when every write started so far is on disk (or has failed). */
  settled(): Promise<void> {
    return this.#writing.settled();
  }

  /** Removes the entries that no build has used for a month (see `pruneCache`). */
  prune(): Promise<void> {
    return pruneCache(this.dir, new RegExp(`^(?:[a-z]+-)?[\\da-f]{64}${this.extension.replace(/\./g, '\\.')}$`));
  }

  #file(key: string): string {
    return path.join(this.dir, `${key}${this.extension}`);
  }
}
