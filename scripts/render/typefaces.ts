import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../toolchain-paths.ts';

/** A font family shipped with the toolchain, from a registry package with real faces. */
export interface Typeface {
  family: string;
  /** Folder of the package (its CSS and `files/`). */
  packageDir: string;
  /** The package's stylesheets for regular, italic, bold and bold italic. */
  stylesheets: string[];
}

const require = createRequire(path.join(projectRoot, 'package.json'));

/**
 * The book face: EB Garamond from `@fontsource/eb-garamond`, with real regular, italic,
 * bold and bold italic faces, so Chromium never synthesises one (a synthesised face
 * becomes a Type 3 font in the PDF). Latin, Greek and Cyrillic subsets.
 */
export function bookTypeface(): Typeface {
  const packageDir = path.dirname(require.resolve('@fontsource/eb-garamond/package.json'));
  const stylesheets = ['400.css', '400-italic.css', '700.css', '700-italic.css'].map((name) => path.join(packageDir, name));
  for (const sheet of stylesheets) if (!existsSync(sheet)) throw new Error(`Font stylesheet missing: ${sheet}`);
  return { family: 'EB Garamond', packageDir, stylesheets };
}
