import { createHash } from 'node:crypto';
import path from 'node:path';
import type { VFile } from 'vfile';
import { hasErrors } from '../diagnostics/format-message.ts';
import { readSource } from '../manuscript/read-source.ts';
import { assetBytes } from './shipped-assets.ts';
import type { Book, BookStyle } from './types.ts';

/**
 * The folder, under each output's root (the EPUB's `OEBPS/`, the web edition's `html/`,
 * which print reads too), where the book's own stylesheets are shipped, each at its path
 * in the manuscript: apart from the templates' files, whatever the sheets are called.
 */
export const bookStylesFolder = 'book-styles';

/**
 * Reads and checks the stylesheets `styles:` lists (manuscript-relative paths the config
 * check found in the manuscript), in order (see `checkStylesheet`). Returns each sheet as
 * the outputs ship it, and one file per sheet carrying its messages.
 */
export async function readBookStyles(root: string, relatives: readonly string[]): Promise<{ styles: BookStyle[]; files: VFile[] }> {
  if (relatives.length === 0) return { styles: [], files: [] };
  // css-tree is loaded only for a book with stylesheets.
  const { checkStylesheet } = await import('../manuscript/check-stylesheet.ts');
  const files = await Promise.all(relatives.map((relative) => readSource(path.join(root, relative))));
  const styles: BookStyle[] = [];
  for (const [index, file] of files.entries()) {
    if (hasErrors([file])) continue;
    const href = `${bookStylesFolder}/${relatives[index]!}`;
    styles.push({ relative: relatives[index]!, href, ...checkStylesheet(file, root, href) });
  }
  return { styles, files };
}

/**
 * A hash of what the book's stylesheets bring to the print layout: each sheet as shipped
 * and the bytes of every file it uses (a font changes where lines break). Empty for a book
 * without stylesheets.
 */
export async function bookStylesFingerprint(book: Book): Promise<string> {
  if (book.styles.length === 0) return '';
  const hash = createHash('sha256');
  for (const style of book.styles) {
    hash.update(style.href).update('\u0000').update(style.css).update('\u0000');
    for (const relative of style.assets) hash.update(relative).update('\u0000').update(await assetBytes(book.assets.get(relative)!)).update('\u0000');
  }
  return hash.digest('hex');
}

/** How a document at an output's root links the book's stylesheets, in the order they apply. */
export function bookStyleHrefs(book: Book): string[] {
  return book.styles.map((style) => encodeURI(style.href));
}
