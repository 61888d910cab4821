import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs the CommonJS module `file` (the bundle's `cli.cjs`, see `buildBundle`) as Node's
 * own `require` would, but compiled with V8's code cache for it, kept beside it as
 * `<file>.<variant>.v8cache` (see {@link codeCacheVariant}). Node 20 has no compile cache
 * of its own (`module.enableCompileCache` came in Node 22), and compiling the bundle took
 * a build a noticeable share of its start, on every command, where an EPUB rebuilt after
 * a one-chapter edit is short in all (see docs/performance.md, 'Figures behind the design').
 *
 * The cache is made at the end of the first run that finds none, or finds one that V8
 * rejects (another Node version, other V8 flags such as `--cpu-prof`, damaged bytes),
 * so it also holds the functions that run compiled, not only the top level. It is written
 * to a temporary name and renamed into place, so two commands never read half a cache;
 * a cache that cannot be written is only a slower start next time.
 *
 * @param {string} file absolute path of a CommonJS module that uses no `import()`: V8
 *   code cached by Node 20 loses the callback a dynamic import needs
 * @param {string} variant which cache of `file` to use, a name of letters, digits and dashes
 * @returns {void}
 */
export function runWithCodeCache(file, variant) {
  const cacheFile = `${file}.${variant}.v8cache`;
  const cachedData = readIfThere(cacheFile);
  const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCodeCache(cacheFile, script));
  const module = { exports: {}, filename: file, id: file };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
}

/**
 * The code cache a command line `argv` (the arguments after the script) runs with: its
 * command (`build`, `check`, `new`, `dev`, else `other`: help, say) and, for a build,
 * the formats it asks for, as in `build-epub-pdf` or `build-all`. V8 caches only the
 * functions a run compiled, and commands alike run alike code: one cache for every
 * command would hold what `--help` runs if `--help` came first, and an EPUB build's would
 * leave a PDF build compiling pdf-lib.
 *
 * @param {readonly string[]} argv
 * @returns {string}
 */
export function codeCacheVariant(argv) {
  const help = argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');
  // As `parseArgs` reads it: with no command word first, the command is a build.
  const command = argv[0] === undefined || argv[0].startsWith('-') ? 'build' : argv[0];
  if (help || !['build', 'check', 'new', 'dev'].includes(command)) return 'other';
  if (command !== 'build') return command;
  const formats = argv.flatMap((arg, index) => (arg === '--format' ? [argv[index + 1] ?? ''] : arg.startsWith('--format=') ? [arg.slice('--format='.length)] : []));
  const named = [...new Set(formats.join(',').split(',').filter(Boolean))].sort();
  return `build-${named.join('-') || 'all'}`.replace(/[^a-z0-9-]/gi, '_');
}

/**
 * @param {string} file
 * @returns {Buffer | undefined}
 */
function readIfThere(file) {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * @param {string} cacheFile
 * @param {Script} script
 * @returns {void}
 */
function writeCodeCache(cacheFile, script) {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    rmSync(temporary, { force: true });
  }
}
