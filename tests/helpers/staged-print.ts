import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Book } from '../../scripts/book/types.ts';
import { printBody, type PrintBody } from '../../scripts/pdf/print-document.ts';
import { loadHyphenator } from '../../scripts/render/hyphenate-tree.ts';
import { siteAssets } from '../../scripts/render/site-assets.ts';
import { tempDir } from './run-cli.ts';

/** What `layOutBook` needs of a book, but the browser and whether it will be printed. */
export interface StagedPrint {
  body: PrintBody;
  /** Chromium's folder of the book's assets (styles, faces, images), as the build stages it. */
  dir: string;
  fontsCss: string;
}

/** Stages a book's print root in a temporary folder and serialises the book for print, as the build does. */
export async function stagePrint(book: Book): Promise<StagedPrint> {
  const dir = tempDir();
  const assets = await siteAssets(book);
  for (const file of assets.files) {
    mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    writeFileSync(path.join(dir, file.path), file.data);
  }
  return { body: await printBody(book, await loadHyphenator(book.config.lang)), dir, fontsCss: assets.fontsCss };
}
