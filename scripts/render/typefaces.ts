import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../toolchain/toolchain-paths.ts';

/**
 * What a face is for: the running text; later code (`monospace`), mathematics (`math`), and
 * a `fallback` for the scripts the text face lacks (see {@link TypefaceEntry.scripts}).
 */
export type TypefaceRole = 'text' | 'monospace' | 'math' | 'fallback';

/** One row of the book's typeface table: a font family shipped with the toolchain, from a registry package with real faces. */
export interface TypefaceEntry {
  role: TypefaceRole;
  /** The CSS family name, as the package's stylesheets declare it and the colophon names it. */
  family: string;
  /** The registry package that ships the faces (its CSS, and the WOFF2 files under `files/`). */
  package: string;
  /** The package's stylesheets to use, relative to it: one per style (regular, italic, bold, bold italic). */
  stylesheets: readonly string[];
  /**
   * The Unicode scripts (ISO 15924 names, as `\p{Script=…}` takes them) the face is used
   * for, when it stands in for only some: a per-script fallback. Absent: whatever its
   * stylesheets' `unicode-range`s cover.
   */
  scripts?: readonly string[];
}

/** A row of the table, found on disk: its package's folder and the full paths of its stylesheets. */
export interface Typeface extends TypefaceEntry {
  /** Folder of the package (its CSS and `files/`). */
  packageDir: string;
  /** The stylesheets' full paths. */
  stylePaths: string[];
}

/**
 * The book's faces, one row each. Every output reads this table: the web edition, the EPUB
 * and print ship the faces' files and `@font-face` rules (see `typefaceFiles`), and the
 * copyright page's colophon names them. Each face has real regular, italic, bold and bold
 * italic cuts, so Chromium never synthesises one (a synthesised face becomes a Type 3 font
 * in the PDF).
 *
 * The text face is EB Garamond, with Latin, Greek and Cyrillic subsets.
 */
export const typefaceTable: readonly TypefaceEntry[] = [
  { role: 'text', family: 'EB Garamond', package: '@fontsource/eb-garamond', stylesheets: ['400.css', '400-italic.css', '700.css', '700-italic.css'] },
];

const require = createRequire(path.join(projectRoot, 'package.json'));

/** The rows of {@link typefaceTable}, each found in its installed package; a missing stylesheet throws. */
export function bookTypefaces(): Typeface[] {
  return typefaceTable.map((entry) => {
    const packageDir = path.dirname(require.resolve(`${entry.package}/package.json`));
    const stylePaths = entry.stylesheets.map((name) => path.join(packageDir, name));
    for (const sheet of stylePaths) if (!existsSync(sheet)) throw new Error(`Font stylesheet missing: ${sheet}`);
    return { ...entry, packageDir, stylePaths };
  });
}

/** The families of the table, as the colophon lists them: `EB Garamond`, or `A, B` with more. */
export function typefaceFamilies(): string {
  return typefaceTable.map((entry) => entry.family).join(', ');
}
