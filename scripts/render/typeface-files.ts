import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackagedFile } from '../output/packaged-file.ts';
import { bookTypefaces } from './typefaces.ts';

/** The book's faces as an output ships them: `@font-face` rules and the font files they name. */
export interface TypefaceFiles {
  css: string;
  files: PackagedFile[];
}

/**
 * The WOFF2 files and `@font-face` rules of every face in the typeface table (see
 * `typefaceTable`), with each `url()` pointing at `folder` (relative to where the CSS will
 * sit). With `texts`, only the faces whose `unicode-range` covers a character of one of
 * them are kept: an English book carries its Latin subsets, not the Cyrillic and Greek ones.
 */
export async function typefaceFiles(folder: string, texts?: readonly string[]): Promise<TypefaceFiles> {
  const kept: Array<{ rule: string; file: string; packageDir: string }> = [];
  const used = new Map<string, boolean>();
  for (const typeface of bookTypefaces()) {
    const sheets = await Promise.all(typeface.stylePaths.map((sheet) => readFile(sheet, 'utf8')));
    const rules = sheets.join('\n').match(/@font-face\s*{[^}]*}/g) ?? [];
    for (const rule of rules) {
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
      if (!file) continue;
      const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
      if (texts && range) {
        // Each range is shared by a face's four styles (regular, italic, bold, bold italic): looked for once.
        if (!used.has(range)) used.set(range, texts.some((text) => rangePattern(range).test(text)));
        if (!used.get(range)) continue;
      }
      kept.push({ rule: rule.replace(/src:[^;]+;/, `src: url(${folder}${file}) format('woff2');`), file, packageDir: typeface.packageDir });
    }
  }
  const files = await Promise.all(kept.map(async ({ file, packageDir }) => ({ path: `${folder}${file}`, data: await readFile(path.join(packageDir, 'files', file)) })));
  return { css: kept.map(({ rule }) => rule).join('\n'), files };
}

/**
 * A pattern that matches any character of a CSS `unicode-range` (`U+0000-00FF,U+0131`):
 * the regular expression engine scans a book's text for one far faster than a script can
 * walk its characters.
 */
function rangePattern(range: string): RegExp {
  const point = (hex: string) => `\\u{${hex}}`;
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return to ? `${point(from!)}-${point(to)}` : point(from!);
  });
  return new RegExp(`[${spans.join('')}]`, 'u');
}
