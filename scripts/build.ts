import type { VFile } from 'vfile';
import { loadBook } from './book/load-book.ts';
import type { Book } from './book/types.ts';
import { launchBrowser } from './browser/launch-browser.ts';
import { renderEpub } from './epub/render-epub.ts';
import { renderHtml } from './html/render-html.ts';
import { bookSlug } from './output/book-slug.ts';
import { sizeOf } from './output/size-of.ts';
import { StagedOutput } from './output/staged-output.ts';
import { printBody, renderPrintDocument } from './pdf/print-document.ts';
import { renderPdfRetrying } from './pdf/render-pdf-retrying.ts';
import { loadHyphenator } from './render/hyphenate-tree.ts';

/** An output format of the build. */
export type Format = 'epub' | 'pdf' | 'html';

/** Every format, in the order they are built. */
export const allFormats: readonly Format[] = ['html', 'epub', 'pdf'];

/** What to build, from where, to where. */
export interface BuildOptions {
  manuscriptDir: string;
  outDir: string;
  formats: readonly Format[];
  /** The build's timestamp (see `sourceDate`). */
  date: Date;
  /** Called with a line of progress. */
  progress?: (line: string) => void;
}

/** One file or folder the build wrote. */
export interface BuiltOutput {
  format: Format;
  path: string;
  bytes: number;
}

/** The outcome of a successful build. */
export interface BuildResult {
  book: Book;
  /** Files with warnings (a successful build has no errors). */
  files: VFile[];
  outputs: BuiltOutput[];
  /** How long each stage took, in milliseconds, in the order they finished. */
  timings: Array<{ stage: string; ms: number }>;
}

/**
 * Builds a manuscript into the requested formats. Everything is rendered into a staging
 * folder first and moved into `outDir` only when every format succeeded; on any failure
 * `outDir` is left exactly as it was. Manuscript errors throw a `ManuscriptError`.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const progress = options.progress ?? (() => undefined);
  const timings: BuildResult['timings'] = [];
  const timed = async <T>(stage: string, work: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings.push({ stage, ms: performance.now() - started });
    return result;
  };
  const wanted = new Set(options.formats);
  // Chromium starts while the book is parsed; whoever ends up not using it closes it.
  const browser = wanted.has('pdf') ? launchBrowser() : undefined;
  let browserHandedOver = false;
  browser?.catch(() => undefined);
  let staging: StagedOutput | undefined;
  try {
    const { book, files } = await timed('parse', () => loadBook(options.manuscriptDir));
    progress(`parsed ${book.chapters.length} chapters`);
    const slug = bookSlug(book.config.title);
    staging = await StagedOutput.create(options.outDir);
    const names = new Map<Format, string>();
    if (wanted.has('html') || wanted.has('pdf')) {
      for (const file of await timed('html', () => renderHtml(book))) await staging.write(`html/${file.path}`, file.data);
      if (wanted.has('html')) names.set('html', 'html');
      progress('rendered HTML');
    }
    const print = wanted.has('html') || wanted.has('pdf') ? await timed('print-body', async () => printBody(book, await loadHyphenator(book.config.lang))) : undefined;
    if (print && !wanted.has('pdf')) await staging.write('html/print.html', renderPrintDocument(print));
    // Chromium starts and prints in its own processes while the EPUB is packed here:
    // both cores work.
    const pdf = wanted.has('pdf')
      ? timed('pdf', () => {
          browserHandedOver = true;
          const pdfOptions = { body: print!, browser: browser!, printDocument: staging!.path('html/print.html'), date: options.date };
          return renderPdfRetrying(pdfOptions, launchBrowser, (crash) => progress(`${crash.message}; printing once more`));
        }).then(async ({ pdf, plan, renders }) => {
          await staging!.write(`${slug}.pdf`, pdf);
          names.set('pdf', `${slug}.pdf`);
          progress(`printed ${plan.pageCount} pages in ${renders} renders`);
        })
      : Promise.resolve();
    const epub = wanted.has('epub')
      ? timed('epub', () => renderEpub(book, options.date)).then(async (bytes) => {
          await staging!.write(`${slug}.epub`, bytes);
          names.set('epub', `${slug}.epub`);
          progress('packed EPUB');
        })
      : Promise.resolve();
    await settleAll([epub, pdf]);
    const ordered = allFormats.filter((format) => names.has(format));
    const committed = await staging.commit(ordered.map((format) => names.get(format)!));
    const outputs = await Promise.all(
      ordered.map(async (format, index) => ({ format, path: committed[index]!, bytes: await sizeOf(committed[index]!) })),
    );
    return { book, files, outputs, timings };
  } finally {
    await staging?.discard();
    if (browser && !browserHandedOver) await (await browser.catch(() => undefined))?.close();
  }
}

/** Waits for every task; if any failed, throws the first failure once all have stopped. */
async function settleAll(tasks: Array<Promise<void>>): Promise<void> {
  const results = await Promise.allSettled(tasks);
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) throw failure.reason;
}
