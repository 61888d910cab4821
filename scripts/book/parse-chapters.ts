import { availableParallelism, loadavg } from 'node:os';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { assetListingHash } from '../manuscript/asset-listing.ts';
import { parseFingerprint } from '../parse/parse-fingerprint.ts';
import type { ParseJob } from '../parse/parse-job.ts';
import { parseOnPool } from '../parse/parse-pool.ts';
import { restoreParsedRecord, type ParsedRecord } from '../parse/parsed-record.ts';
import { chapterKey, type ChapterCache } from './chapter-cache.ts';

/**
 * Below this much Markdown to parse, a worker thread does not pay. A worker parses with a
 * cold JIT, while this thread already keeps a third of a second core busy with V8's own
 * background threads (a one-thread EPUB build of 3 million characters: 3.0 s wall, 3.9 s
 * of CPU). Starting a worker costs little since the launcher runs bundles (ready in
 * 0.15 s, 0.18 s of CPU; 0.35 s and 0.55 s through tsx), but that did not move the break
 * even: on two idle cores, Moby-Dick (1.25 million characters) parsed in 1.0 s on one
 * thread and 1.1-1.2 s with a bundled worker, a generated book of 3.0 million characters
 * in 1.8-1.9 s either way, and one of 6.0 million in 3.2 s alone and 3.0 s with a worker.
 */
export const poolThresholdChars = 4_000_000;

/**
 * How many worker threads a parse of `chars` characters should use: none below
 * {@link poolThresholdChars}; else one per core besides this thread's, but only on cores
 * that are idle (the one-minute load average says how many are busy), since on a busy
 * machine each worker's start-up is only extra work.
 */
export function workersThatPay(chars: number): number {
  if (chars < poolThresholdChars) return 0;
  const cores = availableParallelism();
  const idle = Math.floor(cores - loadavg()[0]!);
  return Math.max(0, Math.min(cores - 1, idle));
}

/** How a parse went: chapters parsed afresh, taken from the cache, and worker threads used. */
export interface ParseStats {
  parsed: number;
  reused: number;
  workers: number;
}

/** Options of {@link parseChapters}. */
export interface ParseChaptersOptions {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  cache: ChapterCache;
  /**
   * Worker threads to parse on besides this one. Default: {@link workersThatPay} for the
   * chapters to parse; 0 parses on this thread only.
   */
  workers?: number;
  /** Called as each chapter's tree is ready, in any order. */
  onChapter?: () => void;
}

/**
 * Parses chapter files (freshly read, without messages) into hast trees, in their order
 * (each a function that decodes a cached tree only when first called; see `ParsedRecord`),
 * each with the key its parse is cached under (see `chapterKey`):
 * a chapter whose parse the cache holds is taken from it, the others are parsed, on
 * worker threads when that pays, and stored (on disk in the background: see
 * `ChapterCache.settled`). Each file ends with the messages and data of its parse, as if
 * the processor had run on it.
 */
export async function parseChapters(files: readonly VFile[], options: ParseChaptersOptions): Promise<{ trees: Array<() => Root>; keys: string[]; stats: ParseStats }> {
  const [fingerprint, assets] = await Promise.all([parseFingerprint(), assetListingHash(options.manuscriptDir)]);
  const context = { manuscriptDir: options.manuscriptDir, fingerprint, assets };
  const jobs: ParseJob[] = files.map((file) => ({ path: file.path, value: String(file.value), key: chapterKey(context, file) }));
  const records: Array<ParsedRecord | undefined> = await Promise.all(jobs.map((job) => options.cache.read(job.path, job.key)));
  for (const record of records) if (record) options.onChapter?.();

  const misses = jobs.flatMap((job, index) => (records[index] ? [] : [index]));
  const missChars = misses.reduce((sum, index) => sum + jobs[index]!.value.length, 0);
  const workers = options.workers ?? workersThatPay(missChars);
  const parsed = await parseOnPool(misses.map((index) => jobs[index]!), { manuscriptDir: options.manuscriptDir, workers, onParsed: () => options.onChapter?.() });
  for (const [n, { record, bytes }] of parsed.entries()) {
    const index = misses[n]!;
    records[index] = record;
    options.cache.write(jobs[index]!.path, jobs[index]!.key, bytes);
  }
  const trees = files.map((file, index) => restoreParsedRecord(records[index]!, file));
  return { trees, keys: jobs.map((job) => job.key), stats: { parsed: misses.length, reused: files.length - misses.length, workers: Math.min(workers, Math.max(misses.length - 1, 0)) } };
}
