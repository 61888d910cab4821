import { writeFileAtomic } from './write-file-atomic.ts';

/** How many entries are written at once: libuv has four threads, and the build's own reads and compression need some. */
const writesAtOnce = 2;

/**
 * Cache entries on their way to disk while the build goes on, so that a cold build does
 * not wait on a few hundred file writes before going on. Each is written whole or not at
 * all (see `writeFileAtomic`), {@link writesAtOnce} at a time, so that the build's own
 * file reads and zlib work never queue behind a hundred writes; one that fails only makes
 * a later build slower.
 */
export class BackgroundWrites {
  readonly #queue: Array<{ file: string; data: string | Uint8Array }> = [];
  readonly #pending = new Set<Promise<void>>();
  #running = 0;

  /** Starts writing `data` to `file`, now or once an earlier write is done. */
  start(file: string, data: string | Uint8Array): void {
    this.#queue.push({ file, data });
    this.#next();
  }

  /** Resolves when every write started so far is on disk, or has failed. */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending);
  }

  #next(): void {
    while (this.#running < writesAtOnce && this.#queue.length > 0) {
      const { file, data } = this.#queue.shift()!;
      this.#running++;
      const writing: Promise<void> = writeFileAtomic(file, data)
        .catch(() => undefined)
        .finally(() => {
          this.#pending.delete(writing);
          this.#running--;
          this.#next();
        });
      this.#pending.add(writing);
    }
  }
}
