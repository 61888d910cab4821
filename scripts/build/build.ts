import path from 'node:path';
import type { VFile } from 'vfile';
import type { Book } from '../book/types.ts';
import type { BookBrowser } from '../browser/book-browser.ts';
import { SharedBrowser } from '../browser/shared-browser.ts';
import type { BookConfig } from '../config/types.ts';
import { EpubImages } from '../epub/epub-images.ts';
import { bookSlug } from '../output/book-slug.ts';
import { allFormats, type Format } from '../output/formats.ts';
import { sizeOf } from '../output/size-of.ts';
import { StagedOutput } from '../output/staged-output.ts';
import { loadBook } from '../parse/load-book.ts';
import { bookAsset } from '../parse/parse-book.ts';
import type { ParseStats } from '../parse/parse-chapters.ts';
import { settleAll } from '../process/settle-all.ts';
import { BuildCaches } from '../renderers/build-caches.ts';
import type { BuildProgress } from '../renderers/build-progress.ts';
import { builtInRenderers } from '../renderers/built-in-renderers.ts';
import { browserUsersOf, withInputs } from '../renderers/needs.ts';
import type { RenderedOutput, Renderer } from '../renderers/renderer.ts';
import { SharedProducts } from '../renderers/shared-products.ts';

/** What to build, from where, to where. */
export interface BuildOptions {
  manuscriptDir: string;
  outDir: string;
  formats: readonly Format[];
  /** Renderers beyond the built-in formats' (see `Renderer`), run through the same contract after them. */
  renderers?: readonly Renderer[];
  /** The build's timestamp (see `sourceDate`). */
  date: Date;
  /** Told of every step; the build itself never writes to the terminal. */
  progress?: (event: BuildProgress) => void;
  /**
   * The browser to print with: a catalog's `BorrowedBrowser`, which outlives this build,
   * or a `SharedBrowser` started early for it (see `startBrowserEarly`), which the build
   * closes as its own. Without one the build starts its own and closes it when done.
   */
  browser?: BookBrowser;
}

/** One file or folder the build wrote. */
export interface BuiltOutput {
  /** The renderer's name: a format, or another renderer's (see `BuildOptions.renderers`). */
  format: string;
  path: string;
  bytes: number;
}

/** The outcome of a successful build. */
export interface BuildResult {
  book: Book;
  /** Files with warnings (a successful build has no errors). */
  files: VFile[];
  outputs: BuiltOutput[];
  /** Pages of the PDF, when one was built. */
  pageCount?: number;
  /** Words in the book (see `countWords`). */
  words: number;
  /** How long each stage took, in milliseconds, in the order they finished. */
  timings: Array<{ stage: string; ms: number }>;
  /** Chapters parsed afresh and taken from the parse cache. */
  parse: ParseStats;
}

/**
 * Builds a manuscript into the requested formats, each by its renderer (see `Renderer`),
 * and through any other `renderers` given. Everything is rendered into a staging folder
 * first and moved into `outDir` only when every renderer succeeded; on any failure
 * `outDir` is left exactly as it was. Manuscript errors throw a `ManuscriptError`.
 *
 * The renderers declare what they need; the build makes each of those products once, and
 * nothing else (see `SharedProducts`). The print layout is measured once and shared: the
 * PDF follows it, and the EPUB marks the print edition's page breaks from it (unless the
 * book sets `page-list: none`, when an EPUB alone needs no browser at all). Chromium starts
 * while the book is parsed and prints in its own processes while the EPUB is packed here,
 * so both cores work.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = options.progress ?? (() => undefined);
  const timings: BuildResult['timings'] = [];
  const timed = async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ stage, ms: performance.now() - started });
    return result;
  };
  const formats = allFormats.filter((format) => options.formats.includes(format));
  const renderers = [...formats.map((format) => builtInRenderers[format]), ...(options.renderers ?? [])];
  const needsOf = (config: BookConfig) => withInputs(renderers.flatMap((renderer) => renderer.needs(config)));
  const browser = options.browser ?? new SharedBrowser();
  // Their writes to disk go on in the background until the build ends.
  const caches = new BuildCaches();
  const epubImages = new EpubImages(caches.images);
  let staging: StagedOutput | undefined;
  try {
    const { book, files, stats } = await timed('parse', () =>
      loadBook(options.manuscriptDir, {
        cache: caches.parse,
        // Only an unchanged book finds its whole layout in the layout cache; starting
        // Chromium beside the parse hides its start-up.
        onConfig: (config) => {
          const needs = needsOf(config);
          if (browserUsersOf(needs) > 0) browser.warm();
          // The cover, often the book's largest image, is made ready beside the parse.
          if (config.coverImage && needs.has('epub-images')) epubImages.start(bookAsset(path.resolve(options.manuscriptDir), config.coverImage));
        },
        onChapter: (done, total) => progress({ stage: 'parse', done, total }),
      }),
    );
    progress({ stage: 'parse', finished: `parsed ${book.chapters.length} chapters` });
    const needs = needsOf(book.config);
    await browser.expect(browserUsersOf(needs));
    const out = (staging = await StagedOutput.create(options.outDir));
    const products = new SharedProducts({ book, needs, browser, staging: out, caches, epubImages, date: options.date, parsedAfresh: stats.parsed, progress, timed });
    products.start();
    const context = { book, date: options.date, slug: bookSlug(book.config.title, book.config.identifier), products, caches, progress, timed };
    const rendered = await settleAll(renderers.map(async (renderer) => staged(out, await renderer.render(context))));
    const committed = await out.commit(rendered.map((output) => output.name));
    const outputs = await Promise.all(
      renderers.map(async (renderer, index) => ({ format: renderer.name, path: committed[index]!, bytes: await sizeOf(committed[index]!) })),
    );
    // Once a day, entries no build has used for a month go.
    await caches.prune();
    const pageCount = needs.has('printed') ? (await products.printed()).plan.pageCount : undefined;
    return { book, files, outputs, pageCount, words: book.chapters.reduce((sum, chapter) => sum + chapter.words, 0), timings, parse: stats };
  } finally {
    await Promise.all([staging?.discard(), browser.close(), caches.settled()]);
  }
}

/** Writes a renderer's files into the staging folder; each must lie in its one output. */
async function staged(out: StagedOutput, output: RenderedOutput): Promise<RenderedOutput> {
  const inside = (file: string) => file === output.name || file.startsWith(`${output.name}/`);
  const stray = output.files.find((file) => !inside(file.path) || file.path.split('/').includes('..'));
  if (stray || output.name.startsWith('.') || output.name.includes('/')) throw new Error(`A renderer wrote ${stray?.path ?? output.name} outside its output ${output.name}`);
  await out.writeAll(output.files.map((file) => ({ relative: file.path, data: file.data })));
  return output;
}
