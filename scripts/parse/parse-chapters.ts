import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { ParseSettings } from '../config/parse-settings.ts';
import { createProcessor } from './create-processor.ts';
import { runParseJob, type ParseJob } from './parse-job.ts';
import { restoreParsedRecord, type ParsedRecord } from './parsed-record.ts';
import { chapterKeys, type ChapterCache } from './chapter-cache.ts';

/** How a parse went: chapters parsed afresh and taken from the cache. */
export interface ParseStats {
  parsed: number;
  reused: number;
}

/** Options of {@link parseChapters}. */
export interface ParseChaptersOptions {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  /** The settings of `book.yaml` the processor reads (see `parseSettings`). */
  settings: ParseSettings;
  cache: ChapterCache;
  /** Called as each chapter's tree is ready, in any order. */
  onChapter?: () => void;
}

/**
 * Parses chapter files (freshly read, without messages) into hast trees, in their order
 * (each a function that decodes a cached tree only when first called; see `ParsedRecord`),
 * each with the key its parse is cached under (see `chapterKeys`):
 * a chapter whose parse the cache holds is taken from it, the others are parsed, on this
 * thread, and stored (on disk in the background: see `ChapterCache.settled`). Each file ends with the messages and data of its parse, as if
 * the processor had run on it.
 */
export async function parseChapters(files: readonly VFile[], options: ParseChaptersOptions): Promise<{ trees: Array<() => Root>; keys: string[]; stats: ParseStats }> {
  const keyOf = await chapterKeys(options.manuscriptDir, options.settings);
  const jobs: ParseJob[] = files.map((file) => ({ path: file.path, value: String(file.value), key: keyOf(file) }));
  const records: Array<ParsedRecord | undefined> = await Promise.all(jobs.map((job) => options.cache.read(job.path, job.key)));
  for (const record of records) if (record) options.onChapter?.();

  const misses = jobs.flatMap((job, index) => (records[index] ? [] : [index]));
  const processor = misses.length > 0 ? createProcessor({ manuscriptDir: options.manuscriptDir, settings: options.settings }) : undefined;
  for (const index of misses) {
    const { record, bytes } = await runParseJob(processor!, jobs[index]!);
    records[index] = record;
    options.cache.write(jobs[index]!.path, jobs[index]!.key, bytes);
    options.onChapter?.();
  }
  const trees = files.map((file, index) => restoreParsedRecord(records[index]!, file));
  return { trees, keys: jobs.map((job) => job.key), stats: { parsed: misses.length, reused: files.length - misses.length } };
}
