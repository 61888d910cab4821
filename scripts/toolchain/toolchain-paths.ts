import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Set in the bundle only, by `scripts/launcher/build-bundle.mjs` (esbuild's `define`):
 * where the project is, since the bundle itself lives under `node_modules/.cache/quire/`
 * (which may be a symbolic link into another checkout) and its `import.meta.url` says
 * nothing about the project.
 */
declare const QUIRE_BUNDLE: { projectRoot: string } | undefined;

const bundle = typeof QUIRE_BUNDLE === 'undefined' ? undefined : QUIRE_BUNDLE;

/**
 * The toolchain's folder: `package.json`, `templates/`, `scripts/`, `node_modules/`. The
 * same whether this code runs from its TypeScript sources (under tsx, as the tests import
 * it) or from the bundle that `scripts/quire.mjs` runs. Every file of the toolchain is
 * found from here.
 */
export const projectRoot: string = bundle?.projectRoot ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The folder of the shipped templates. */
export const templatesDir = path.join(projectRoot, 'templates');

/**
 * The folder of the bundle this code runs from (`cli.cjs` and its
 * source maps), or undefined when it runs from its sources. In a bundle every module's
 * `import.meta.url` is the bundle's own.
 */
export const bundleDir: string | undefined = bundle ? path.dirname(fileURLToPath(import.meta.url)) : undefined;
