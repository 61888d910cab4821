import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PackagedFile } from '../epub/package-epub.ts';
import { bookTypeface } from './typefaces.ts';

/** The book face as an output ships it: `@font-face` rules and the font files they name. */
export interface TypefaceFiles {
  css: string;
  files: PackagedFile[];
}

/**
 * The book face's WOFF2 files and their `@font-face` rules, with each `url()` pointing at
 * `folder` (relative to where the CSS will sit). With `used`, only the faces whose
 * `unicode-range` covers a character of the book are kept: an English book carries its
 * Latin subsets, not the Cyrillic and Greek ones.
 */
export async function typefaceFiles(folder: string, used?: ReadonlySet<number>): Promise<TypefaceFiles> {
  const typeface = bookTypeface();
  const sheets = await Promise.all(typeface.stylesheets.map((sheet) => readFile(sheet, 'utf8')));
  const rules = sheets.join('\n').match(/@font-face\s*{[^}]*}/g) ?? [];
  const kept: Array<{ rule: string; file: string }> = [];
  for (const rule of rules) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
    if (!file) continue;
    const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
    if (used && range && !coversAny(range, used)) continue;
    kept.push({ rule: rule.replace(/src:[^;]+;/, `src: url(${folder}${file}) format('woff2');`), file });
  }
  const files = await Promise.all(kept.map(async ({ file }) => ({ path: `${folder}${file}`, data: await readFile(path.join(typeface.packageDir, 'files', file)) })));
  return { css: kept.map(({ rule }) => rule).join('\n'), files };
}

/** Every code point of `texts`, for {@link typefaceFiles}. */
export function codePoints(texts: Iterable<string>): Set<number> {
  const points = new Set<number>();
  for (const text of texts) for (const character of text) points.add(character.codePointAt(0)!);
  return points;
}

function coversAny(range: string, used: ReadonlySet<number>): boolean {
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as const;
  });
  for (const point of used) if (spans.some(([from, to]) => point >= from && point <= to)) return true;
  return false;
}
