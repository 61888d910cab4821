import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The name of the bundle of the toolchain in `root` as it is now: a tag of the project's
 * folder, a dash, and a hash of everything the bundle is made from: the project's folder
 * (which the bundle names, see `scripts/toolchain/toolchain-paths.ts`), the text of every file
 * under `scripts/` (this launcher's included, so changing how bundles are built makes new
 * ones), `package.json`, `package-lock.json` and `tsconfig.json`, and the version of
 * esbuild. Templates are read at run time and are not part of it. Contents rather than
 * modification times, so that checking out a branch and back reuses the bundle it had;
 * reading and hashing them is quick (see docs/performance.md, 'Figures behind the
 * design'). The tag tells apart the bundles of two
 * checkouts that share one `node_modules` (git worktrees), see `pruneBundles`.
 *
 * @param {string} root the project's folder
 * @returns {string}
 */
export function bundleKey(root) {
  const hash = createHash('sha256').update(root);
  const tag = createHash('sha256').update(root).digest('hex').slice(0, 8);
  const scripts = path.join(root, 'scripts');
  const sources = readdirSync(scripts, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  for (const file of [...sources, ...['package.json', 'package-lock.json', 'tsconfig.json'].map((name) => path.join(root, name))]) {
    hash.update('\u0000').update(path.relative(root, file)).update('\u0000').update(readIfThere(file));
  }
  // A dependency of the project's own, so npm installs it at the top of node_modules.
  const esbuild = path.join(root, 'node_modules/esbuild/package.json');
  hash.update('\u0000esbuild\u0000').update(JSON.parse(readFileSync(esbuild, 'utf8')).version);
  return `${tag}-${hash.digest('hex').slice(0, 16)}`;
}

/**
 * A file's bytes, or none when there is no such file (a project installed without a lock file).
 *
 * @param {string} file
 * @returns {Buffer}
 */
function readIfThere(file) {
  try {
    return readFileSync(file);
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
}
