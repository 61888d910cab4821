#!/usr/bin/env node
/**
 * The `quire` command as the npm scripts (`build`, `check`, `new`, `dev`) run it: an
 * esbuild bundle of `scripts/cli.ts` and its dependencies (see `buildBundle`), rather than
 * every module compiled through tsx's loader at each start.
 *
 * The bundle lives in `node_modules/.cache/quire/bundle/<name>/`, never in the
 * repository. Its name is a hash of the sources it is made from (`bundleKey`, quick to
 * compute), so after any edit under `scripts/` the next command finds no bundle of
 * that name, builds it (`buildBundle`, written whole or not at all), and
 * stale code never runs. Where `node_modules` cannot be written, the sources run through
 * tsx as before, slower to start. The bundle has source maps, read only when an internal
 * error's stack is printed (see `sourceMappedStack`), and runs with V8's code cache (see
 * `runWithCodeCache`). What each step costs is in docs/performance.md, 'Figures behind
 * the design'.
 */
import { existsSync, mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildBundle, pruneBundles } from './launcher/build-bundle.mjs';
import { bundleKey } from './launcher/bundle-key.mjs';
import { codeCacheVariant, runWithCodeCache } from './launcher/run-with-code-cache.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundles = path.join(root, 'node_modules/.cache/quire/bundle');

/**
 * The folder of the current bundle, built first if need be; undefined when the file
 * system will not hold it.
 *
 * @returns {Promise<string | undefined>}
 */
async function currentBundle() {
  try {
    mkdirSync(bundles, { recursive: true });
    // A real path, so the source maps' relative paths lead back to these sources even
    // when node_modules is a link into another checkout.
    const dir = path.join(realpathSync(bundles), bundleKey(root));
    if (!existsSync(path.join(dir, 'cli.cjs'))) {
      await buildBundle(root, dir);
      await pruneBundles(dir).catch(() => undefined);
    }
    return dir;
  } catch (error) {
    if (error instanceof Error && 'errors' in error) {
      // esbuild has printed where (a syntax error in a source, say); exit as on an internal error.
      console.error('quire: the command line could not be bundled');
      process.exit(4);
    }
    // Else a file system that refuses (read-only, not ours).
    const { syscall, message } = /** @type {NodeJS.ErrnoException} */ (error);
    if (syscall === undefined) throw error;
    console.error(`quire: cannot keep a bundle in ${bundles} (${message}); running the sources through tsx`);
    return undefined;
  }
}

const dir = await currentBundle();
if (dir) {
  runWithCodeCache(path.join(dir, 'cli.cjs'), codeCacheVariant(process.argv.slice(2)));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
