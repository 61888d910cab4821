import path from 'node:path';
import type { BookOutcome } from '../catalog/build-catalog.ts';
import type { BuildFailure } from './build-failure.ts';

/** A book of a catalog as its summary line tells it: built into its folder, or failed and why. */
export type SettledBook = { outcome: BookOutcome; failure?: BuildFailure };

/**
 * The lines that end a catalog build: a count, then one line per book in the order given,
 * built (title, time, folder) or failed (why, and its exit code).
 */
export function catalogSummary(books: readonly SettledBook[], seconds: number, cwd = process.cwd()): string[] {
  const failed = books.filter(({ failure }) => failure).length;
  const width = Math.max(...books.map(({ outcome }) => outcome.book.name.length));
  const lines = [`catalog: ${books.length - failed} of ${books.length} books built${failed ? `, ${failed} failed` : ''}, in ${seconds.toFixed(1)} s`];
  for (const { outcome, failure } of books) {
    const name = outcome.book.name.padEnd(width);
    const time = `${(outcome.ms / 1000).toFixed(1)} s`;
    if (failure) lines.push(`  failed ${name}  ${failure.reason} (exit ${failure.exitCode}), ${time}`);
    else lines.push(`  built  ${name}  "${outcome.result!.book.config.title}" into ${path.relative(cwd, outcome.book.outDir) || '.'}/, ${time}`);
  }
  return lines;
}
