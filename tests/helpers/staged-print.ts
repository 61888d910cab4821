import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Book } from '../../scripts/book/types.ts';
import { renderHtml } from '../../scripts/html/render-html.ts';
import { printBody, type PrintBody } from '../../scripts/pdf/print-document.ts';
import { loadHyphenator } from '../../scripts/render/hyphenate-tree.ts';
import { tempDir } from './run-cli.ts';

/** What `layOutBook` needs of a book, but the browser and whether it will be printed. */
export interface StagedPrint {
  body: PrintBody;
  /** The staged web edition's folder, as the build writes it. */
  dir: string;
  fontsCss: string;
}

/** Writes a book's web edition to a temporary folder and serialises it for print, as the build does. */
export async function stagePrint(book: Book): Promise<StagedPrint> {
  const dir = tempDir();
  const site = await renderHtml(book);
  for (const file of site) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.data);
  }
  return {
    body: await printBody(book, await loadHyphenator(book.config.lang)),
    dir,
    fontsCss: String(site.find((file) => file.path === 'fonts/fonts.css')!.data),
  };
}
