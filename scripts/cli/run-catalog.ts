import { buildCatalog, type BookOutcome } from '../catalog/build-catalog.ts';
import { catalogJobs } from '../catalog/catalog-jobs.ts';
import { ExitCode } from '../diagnostics/errors.ts';
import { internalErrorText } from '../diagnostics/internal-error.ts';
import { sourceDate } from '../time/source-date.ts';
import { buildFailure, messageLines, type BuildFailure } from './build-failure.ts';
import { buildSummary } from './build-summary.ts';
import { catalogSummary, type SettledBook } from './catalog-summary.ts';
import type { BuildCommand } from './parse-args.ts';
import { createProgressDisplay } from './progress-display.ts';

/**
 * Runs `quire build` over several manuscripts: `--jobs` books at a time in one Chromium,
 * with plain progress lines named by book. As each book ends, its warnings, or its errors
 * and failure, are printed with their paths, and a built book's outputs. Then one summary
 * line per book. Exits 0 when every book was built, else with the highest exit code of
 * the books that failed (1 when only manuscripts had errors).
 */
export async function runCatalog(command: BuildCommand): Promise<number> {
  const started = performance.now();
  const log = command.quiet ? () => undefined : (line: string) => console.log(line);
  const jobs = command.jobs ?? catalogJobs(command.books.map((book) => book.manuscriptDir));
  log(`building ${command.books.length} books into ${command.outDir}/, ${Math.min(jobs, command.books.length)} at a time`);
  const displays = new Map(
    command.books.map((book) => [book, createProgressDisplay({ stream: process.stdout, quiet: command.quiet, live: false, formats: command.formats, label: book.name })]),
  );
  const settled = new Map<BookOutcome, BuildFailure | undefined>();
  const outcomes = await buildCatalog({
    books: command.books,
    formats: command.formats,
    date: sourceDate(),
    concurrency: jobs,
    progress: (book, event) => displays.get(book)!.update(event),
    settled: (outcome) => settled.set(outcome, report(outcome, command)),
  });
  const books: SettledBook[] = outcomes.map((outcome) => ({ outcome, failure: settled.get(outcome) }));
  const summary = catalogSummary(books, (performance.now() - started) / 1000);
  const failed = books.filter(({ failure }) => failure);
  if (failed.length === 0) {
    for (const line of summary) log(line);
    return ExitCode.ok;
  }
  for (const line of summary) console.error(line);
  return Math.max(...failed.map(({ failure }) => failure!.exitCode));
}

/** Prints how one book ended, as soon as it has; returns its failure, if it failed. */
function report(outcome: BookOutcome, command: BuildCommand): BuildFailure | undefined {
  const { name } = outcome.book;
  if (outcome.result) {
    for (const line of messageLines(outcome.result.files)) console.error(line);
    if (command.timings) for (const { stage, ms } of outcome.result.timings) console.log(`timing ${name}/${stage} ${Math.round(ms)} ms`);
    if (!command.quiet) for (const line of buildSummary(outcome.result, outcome.ms / 1000)) console.log(`${name}: ${line}`);
    return undefined;
  }
  const failure = buildFailure(outcome.error, outcome.book.outDir) ?? internalFailure(outcome.error);
  for (const line of failure.messages) console.error(line);
  for (const line of failure.lines) console.error(`${name}: ${line}`);
  return failure;
}

/** A fault of ours in one book: reported with its stack, without stopping the others. */
function internalFailure(error: unknown): BuildFailure {
  return { exitCode: ExitCode.output, messages: [], lines: [internalErrorText(error)], reason: `internal error: ${(error as Error).message ?? String(error)}` };
}
