import { randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Packages the bundle leaves to Node: native code (sharp, esbuild), tsx (the fallback
 * runner), TypeScript (which cosmiconfig, through Puppeteer, requires only to read a
 * config written in TypeScript: much code no build runs), the optional native helpers
 * of `ws`, which it requires only if they are installed, and what Puppeteer requires only
 * to download a browser, to reach one through a proxy, to speak WebDriver BiDi, or for its
 * own command line, none of which a build does (by V8's coverage of a build). Node
 * finds these in `node_modules` should anything ever require them.
 */
const leftToNode = [
  ...['esbuild', 'sharp', 'tsx', 'tsx/*', 'typescript', 'bufferutil', 'utf-8-validate'],
  ...['chromium-bidi', 'chromium-bidi/*', 'extract-zip', 'tar-fs', 'yargs', 'yargs/*', 'js-yaml'],
  ...['pac-proxy-agent', 'http-proxy-agent', 'https-proxy-agent', 'socks-proxy-agent', 'get-uri'],
];

/** Bundles of one project kept besides the newest: older ones are removed after a new one is built. */
const keptPerProject = 3;
/** A temporary folder this old is what a killed build left, not one being written. */
const abandonedAfterMs = 60 * 60 * 1000;

/**
 * An esbuild plugin that bundles `scripts/launcher/epub-fetch-refused.cjs` in place of
 * epub-gen-memory's fetcher: see that file.
 *
 * @param {string} root the project's folder
 * @returns {import('esbuild').Plugin}
 */
function refuseEpubFetches(root) {
  return {
    name: 'refuse-epub-fetches',
    setup(build) {
      build.onResolve({ filter: /^\.\/fetchable$/ }, (args) =>
        /[\\/]epub-gen-memory[\\/]/.test(args.importer) ? { path: path.join(root, 'scripts/launcher/epub-fetch-refused.cjs') } : undefined,
      );
    },
  };
}

/**
 * Bundles the toolchain in `root` into the folder `dir`: `cli.cjs` (the command line,
 * `scripts/cli.ts`), one CommonJS file with its source map, so stack traces name the
 * `.ts` sources. Dependencies are bundled too, but for {@link leftToNode}: a build
 * otherwise spends a large share of its time finding, reading and compiling hundreds of
 * package files one by one, Puppeteer's most of all (see docs/performance.md, 'Figures
 * behind the design', for this and the sizes above). Those left out are loaded by
 * Node from `node_modules`, which is why `dir` must be under it.
 *
 * CommonJS, so that `scripts/quire.mjs` can run `cli.cjs` with V8's code cache (see
 * `runWithCodeCache`), which Node 20 offers for scripts but not for ES modules. A module
 * the sources import dynamically is still evaluated only when that `import()` runs
 * (esbuild turns it into a `require` of a lazily initialised module), so `--help` runs
 * almost nothing, and a build that does not print never evaluates pdf-lib. Every `import()`
 * becomes a `require` (`supported`), since code-cached code has no way to run one on Node
 * 20; every `import.meta.url` becomes the bundle file's own URL. Names are kept
 * (`keepNames`), as tsx keeps them, so a function's or class's `name` is the same either way.
 *
 * The bundle is written to a temporary folder beside `dir` and renamed into place whole,
 * so a command never sees half a bundle; when two commands build the same bundle at once,
 * the first rename wins and the other's copy is dropped.
 *
 * @param {string} root the project's folder
 * @param {string} dir where the bundle goes; its parent exists and is a real path, so
 *   the source maps' relative paths lead to `root` (see `scripts/quire.mjs`)
 * @returns {Promise<void>}
 */
export async function buildBundle(root, dir) {
  const { build, stop } = await import('esbuild');
  const temporary = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { cli: 'scripts/cli.ts' },
      outdir: temporary,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: leftToNode,
      supported: { 'dynamic-import': false },
      banner: { js: "var quireModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
      target: 'node20',
      sourcemap: 'linked',
      sourcesContent: false,
      keepNames: true,
      define: { QUIRE_BUNDLE: JSON.stringify({ projectRoot: root }), 'import.meta.url': 'quireModuleUrl' },
      plugins: [refuseEpubFetches(root)],
      logLevel: 'error',
    });
    try {
      await rename(temporary, dir);
    } catch (error) {
      // Another command put the same bundle there first.
      const { code } = /** @type {NodeJS.ErrnoException} */ (error);
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    }
  } finally {
    // esbuild's service process would otherwise idle beside the whole command.
    await stop();
    await rm(temporary, { recursive: true, force: true });
  }
}

/**
 * Removes bundles of the same project (the same tag before the dash in their names,
 * see `bundleKey`) but the newest few, and temporary folders left by killed builds. A
 * command still running from a removed bundle keeps its code.
 *
 * @param {string} dir the bundle just built
 * @returns {Promise<void>}
 */
export async function pruneBundles(dir) {
  const parent = path.dirname(dir);
  const tag = `${path.basename(dir).split('-')[0]}-`;
  const entries = (
    await Promise.all((await readdir(parent)).map(async (name) => ({ name, modified: await stat(path.join(parent, name)).then((info) => info.mtimeMs, () => -1) })))
  ).filter(({ modified }) => modified >= 0);
  const ours = entries.filter(({ name }) => name.startsWith(tag) && !name.endsWith('.tmp')).sort((a, b) => b.modified - a.modified);
  const abandoned = entries.filter(({ name, modified }) => name.endsWith('.tmp') && Date.now() - modified > abandonedAfterMs);
  const removed = [...ours.slice(keptPerProject + 1), ...abandoned].filter(({ name }) => name !== path.basename(dir));
  await Promise.all(removed.map(({ name }) => rm(path.join(parent, name), { recursive: true, force: true })));
}
