import { BorrowedBrowser } from '../browser/borrowed-browser.ts';
import { SharedBrowser } from '../browser/shared-browser.ts';
import { build, type BuildResult } from '../build/build.ts';
import type { Format } from '../output/formats.ts';
import type { BuildProgress } from '../renderers/build-progress.ts';
import type { BookTarget } from './book-targets.ts';
import { runConcurrently } from '../process/run-concurrently.ts';

/** What a catalog builds, and how. */
export interface CatalogOptions {
  books: readonly BookTarget[];
  formats: readonly Format[];
  /** The builds' timestamp (see `sourceDate`). */
  date: Date;
  /** How many books are built at once. */
  concurrency: number;
  /** Told of every step of every book. */
  progress?: (book: BookTarget, event: BuildProgress) => void;
  /** Told of each book as soon as it is built or has failed. */
  settled?: (outcome: BookOutcome) => void;
}

/** How one book of a catalog ended: its result, or the error that stopped it. */
export type BookOutcome = { book: BookTarget; ms: number } & ({ result: BuildResult; error?: undefined } | { error: unknown; result?: undefined });

/**
 * Builds several manuscripts, `concurrency` at a time, each exactly as `build` builds one
 * (its own staging, committed whole into its own folder or not at all), all printing in one
 * Chromium, started by the first book that needs it and closed when the last is done. One
 * book's failure stops no other. Resolves with every book's outcome, in the order given.
 */
export async function buildCatalog(options: CatalogOptions): Promise<BookOutcome[]> {
  const browser = new SharedBrowser();
  try {
    return await runConcurrently(options.books, options.concurrency, async (book) => {
      const started = performance.now();
      let outcome: BookOutcome;
      try {
        const result = await build({
          manuscriptDir: book.manuscriptDir,
          outDir: book.outDir,
          formats: options.formats,
          date: options.date,
          progress: (event) => options.progress?.(book, event),
          browser: new BorrowedBrowser(browser),
        });
        outcome = { book, ms: performance.now() - started, result };
      } catch (error) {
        outcome = { book, ms: performance.now() - started, error };
      }
      options.settled?.(outcome);
      return outcome;
    });
  } finally {
    await browser.close();
  }
}
