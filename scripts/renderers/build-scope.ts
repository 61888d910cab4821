import type { Book } from '../book/types.ts';
import type { BuildCaches } from './build-caches.ts';
import type { BuildProgress } from './build-progress.ts';

/**
 * What every step of one build shares: the parsed book, the build's timestamp, its caches,
 * and where it reports progress and timings. The renderers get it in their context, and
 * the shared products are made with it.
 */
export interface BuildScope {
  book: Book;
  /** The build's timestamp (see `sourceDate`). */
  date: Date;
  /** The build's caches of parses, rendered chapters, images and layouts. */
  caches: BuildCaches;
  /** Told of every step, for a progress display. */
  progress: (event: BuildProgress) => void;
  /** Runs `work`, recording how long it took as the stage `stage` of the build's timings. */
  timed: <T>(stage: string, work: () => Promise<T>) => Promise<T>;
}
