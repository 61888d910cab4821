import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * Cache entries on their way to disk while the build goes on, so that a cold build does
 * not wait on a few hundred file writes before going on. Each is written whole or not at
 * all (see `writeFileAtomic`); one that fails only makes a later build slower.
 */
export class BackgroundWrites {
  readonly #pending = new Set<Promise<void>>();

  /** Starts writing `data` to `file`. */
  start(file: string, data: string | Uint8Array): void {
    const writing: Promise<void> = writeFileAtomic(file, data)
      .catch(() => undefined)
      .finally(() => this.#pending.delete(writing));
    this.#pending.add(writing);
  }

  /** Resolves when every write started so far is on disk, or has failed. */
  async settled(): Promise<void> {
    await Promise.all(this.#pending);
  }
}
