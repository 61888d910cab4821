import type { BookConfig } from './types.ts';

/**
 * The keys of `book.yaml` that change what a chapter parses into: `lang`, whose direction
 * (see `textDirection`) decides which blocks get a `dir` of their own
 * (`rehypeBlockDirection`). The book's title, subtitle and labels edit a chapter's tree
 * after its parse (see `buildChapter` and `titledTree`, whose edits the output caches key
 * on), and `check:` only filters messages. A
 * setting that a transform of the processor reads (a highlighting theme, a bibliography)
 * is added here: it then reaches the processor (`createProcessor`) and the parse cache's
 * key (`chapterKeys`) with nothing else to change.
 */
const parseKeys = ['lang'] as const satisfies ReadonlyArray<keyof BookConfig>;

/** The settings of `book.yaml` that the parse reads (see {@link parseKeys}). */
export type ParseSettings = Pick<BookConfig, (typeof parseKeys)[number]>;

/** The {@link ParseSettings} of a book's configuration. */
export function parseSettings(config: BookConfig): ParseSettings {
  return Object.fromEntries(parseKeys.map((key) => [key, config[key]])) as ParseSettings;
}
