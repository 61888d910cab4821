import { assetBytes } from '../book/shipped-assets.ts';
import type { Book } from '../book/types.ts';
import { textDirection } from '../config/text-direction.ts';
import type { PackagedFile } from '../output/packaged-file.ts';
import { readTemplateFile } from './templates.ts';
import { typefaceFiles } from './typeface-files.ts';

/** What a book's HTML documents link to, and the faces' style sheet on its own (the layout cache keys on it). */
export interface SiteAssets {
  files: PackagedFile[];
  /** The `@font-face` rules of `fonts/fonts.css`. */
  fontsCss: string;
}

/**
 * The files beside a book's HTML documents that they link to: the templates' stylesheets
 * under `styles/` (see {@link templateSheets}), the book's own (`book-styles/`), the faces
 * of the typeface table under `fonts/` (with `fonts/fonts.css`), and the book's images at
 * their paths in the manuscript. The web edition ships them; the
 * print documents and the drawn cover are loaded from a folder of their own that holds them.
 */
export async function siteAssets(book: Book): Promise<SiteAssets> {
  const files: PackagedFile[] = templateSheets(book, ['base.css', 'epub.css', 'web.css', 'print.css']).map((sheet) => ({ path: `styles/${sheet}`, data: readTemplateFile(`styles/${sheet}`) }));
  for (const style of book.styles) files.push({ path: style.href, data: style.css });
  const fonts = await typefaceFiles('files/');
  files.push({ path: 'fonts/fonts.css', data: fonts.css }, ...fonts.files.map((file) => ({ ...file, path: `fonts/${file.path}` })));
  const assets = await Promise.all([...book.assets.values()].map(async (asset) => ({ path: asset.relative, data: await assetBytes(asset) })));
  return { files: [...files, ...assets], fontsCss: fonts.css };
}

/**
 * The templates' stylesheets (names under `templates/styles/`) an output of `book` uses:
 * `sheets`, then `rtl.css`, which mirrors them, in a book written right to left.
 */
export function templateSheets(book: Book, sheets: readonly string[]): string[] {
  return textDirection(book.config.lang) === 'rtl' ? [...sheets, 'rtl.css'] : [...sheets];
}
