import type { VFile } from 'vfile';
import { ChapterCache } from '../parse/chapter-cache.ts';
import { parseBook } from '../parse/parse-book.ts';
import type { ParseStats } from '../parse/parse-chapters.ts';
import type { Book } from '../book/types.ts';
import { collectMessages, formatMessage, hasErrors } from '../diagnostics/format-message.ts';
import { renderHtml } from '../html/render-html.ts';

/** What one rebuild of the preview did. */
export interface Rebuild {
  /** Every message, formatted `path:line:column: severity: message [rule-id]`. */
  messages: string[];
  /** The errors among them; while there are any, the site stays as it last built. */
  errors: string[];
  /** Chapters parsed afresh and taken unchanged from the cache. */
  parsed: number;
  reused: number;
  ms: number;
}

/**
 * The web edition of a manuscript, kept in memory and rebuilt on demand: the same pages
 * `renderHtml` writes for the build. Chapters whose text did not change are not parsed
 * again (a {@link ChapterCache}, shared with the builds); links across chapters are
 * checked again every time.
 * While the manuscript has errors the last good site is kept and the errors are held for
 * the overlay.
 */
export class PreviewSite {
  readonly manuscriptDir: string;
  readonly #cache = ChapterCache.persistent();
  #files = new Map<string, string | Uint8Array>();
  #errors: string[] = [];
  #book: Book | undefined;

  constructor(manuscriptDir: string) {
    this.manuscriptDir = manuscriptDir;
  }

  /** The errors of the last rebuild, formatted; empty when it built. */
  get errors(): readonly string[] {
    return this.#errors;
  }

  /** The last book that built without errors. */
  get book(): Book | undefined {
    return this.#book;
  }

  /** A built file by its site-relative path. */
  file(relative: string): string | Uint8Array | undefined {
    return this.#files.get(relative);
  }

  /** Parses what changed and renders the site again. */
  async rebuild(): Promise<Rebuild> {
    const started = performance.now();
    let files: VFile[];
    let stats: ParseStats;
    try {
      const parsed = await parseBook(this.manuscriptDir, { cache: this.#cache });
      ({ files, stats } = parsed);
      if (parsed.book && !hasErrors(files)) {
        this.#files = new Map((await renderHtml(parsed.book)).map((file) => [file.path, file.data]));
        this.#book = parsed.book;
      }
    } catch (error) {
      // A file that vanished mid-read, say: reported like a manuscript error, and retried on the next change.
      this.#errors = [`error: ${(error as Error).message}`];
      return { messages: this.#errors, errors: this.#errors, parsed: 0, reused: 0, ms: performance.now() - started };
    }
    const messages = collectMessages(files).map(({ file, message }) => formatMessage(message, file.path));
    this.#errors = messages.filter((line) => line.includes(': error: '));
    return {
      messages,
      errors: this.#errors,
      parsed: stats.parsed,
      reused: stats.reused,
      ms: performance.now() - started,
    };
  }
}
