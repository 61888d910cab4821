/**
 * The launcher (`scripts/quire.mjs`), which the npm scripts and every other test run: it
 * never runs stale code, two commands can build its bundle at once, its internal errors
 * name the TypeScript sources, a source that does not compile is reported, a read-only
 * node_modules falls back to tsx, it builds what a run from the sources builds, byte for
 * byte, its bundle holds no HTTP client and evaluates pdf-lib only for builds that print,
 * and it keeps V8's code cache of the bundle. Changes to sources are made in a copy of the
 * project, never in this one.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pruneBundles } from '../scripts/launcher/build-bundle.mjs';
import { bundleKey } from '../scripts/launcher/bundle-key.mjs';
import { projectRoot } from '../scripts/toolchain/toolchain-paths.ts';
import { defaultManuscript } from './helpers/paths.ts';
import { copyProject } from './helpers/project-copy.ts';
import { launcherEntry, runCli, sourceEntry, tempDir, type CliRun } from './helpers/run-cli.ts';

/** Runs the launcher of the project copy `project` with `args`. */
function launch(project: string, args: readonly string[]): CliRun {
  const run = spawnSync(process.execPath, [path.join(project, 'scripts/quire.mjs'), ...args], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The bundles the project copy `project` holds, by name, with when each was built. */
function bundles(project: string): Map<string, number> {
  const dir = path.join(project, 'node_modules/.cache/quire/bundle');
  return new Map(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name)).mtimeMs]));
}

/** Replaces `from` by `to` in the file `relative` of the project copy `project`. */
function edit(project: string, relative: string, from: string, to: string): void {
  const file = path.join(project, relative);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${relative} has ${from}`);
  writeFileSync(file, text.replace(from, to));
}

test('the launcher bundles on first use, reuses the bundle while the sources are unchanged, and bundles again after an edit', () => {
  const project = copyProject();
  const first = launch(project, ['--help']);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /--timings {5}print how long each stage took/);
  const built = bundles(project);
  assert.equal(built.size, 1, 'one bundle, built on first use');

  const again = launch(project, ['--help']);
  assert.equal(again.stdout, first.stdout);
  assert.deepEqual(bundles(project), built, 'the same bundle, not built again');

  edit(project, 'scripts/cli/parse-args.ts', 'print how long each stage took', 'print the time of each stage');
  const edited = launch(project, ['--help']);
  assert.equal(edited.status, 0, edited.stderr);
  assert.match(edited.stdout, /--timings {5}print the time of each stage/, 'the edit runs: no stale bundle');
  assert.equal(bundles(project).size, 2);
});

test('two commands that start at once with no bundle both run, and share one bundle', async () => {
  const project = copyProject();
  const start = () =>
    new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(project, 'scripts/quire.mjs'), '--help'], { cwd: project, stdio: 'ignore' });
      child.on('error', reject);
      child.on('close', resolve);
    });
  assert.deepEqual(await Promise.all([start(), start()]), [0, 0]);
  assert.equal(bundles(project).size, 1, 'one bundle, and no temporary folder left');
});

test('an internal error of the bundle is printed with the TypeScript source, line and column', () => {
  const project = copyProject();
  edit(project, 'scripts/cli.ts', 'async function main(argv: readonly string[]): Promise<number> {', "async function main(argv: readonly string[]): Promise<number> {\n  if (argv[0] === 'explode') throw new Error('planted');");
  const line = readFileSync(path.join(project, 'scripts/cli.ts'), 'utf8').split('\n').findIndex((text) => text.includes("throw new Error('planted')")) + 1;
  const run = launch(project, ['explode']);
  assert.equal(run.status, 4);
  assert.match(run.stderr, /^internal error: Error: planted$/m);
  assert.ok(run.stderr.includes(`at main (${path.join(project, 'scripts/cli.ts')}:${line}:`), run.stderr);
});

test('a source that does not compile: the place is printed, exit 4, and no bundle is left', () => {
  const project = copyProject();
  edit(project, 'scripts/cli/parse-args.ts', '/** The usage text of the command line. */', 'export const broken: number = ;\n/** The usage text of the command line. */');
  const run = launch(project, ['--help']);
  assert.equal(run.status, 4);
  assert.match(run.stderr, /scripts\/cli\/parse-args\.ts:\d+:\d+/);
  assert.match(run.stderr, /quire: the command line could not be bundled/);
  assert.equal(bundles(project).size, 0);
});

test('where node_modules cannot hold a bundle (read-only), the sources run through tsx instead', (t) => {
  // A read-only tmpfs over the cache folder (the machines of this project run as root).
  const project = copyProject();
  const cache = path.join(project, 'node_modules/.cache');
  mkdirSync(cache);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k,ro', 'tmpfs', cache]);
  t.after(() => execFileSync('umount', [cache]));
  const run = launch(project, ['--help']);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /^quire: cannot keep a bundle in .*; running the sources through tsx$/m);
  assert.match(run.stdout, /^Usage: quire build/);
});

test('pruning keeps the newest bundles of the project, those of other checkouts, and temporary folders being written', async () => {
  const parent = tempDir('quire-bundles-');
  const now = Date.now() / 1000;
  const make = (name: string, ageSeconds: number) => {
    mkdirSync(path.join(parent, name));
    utimesSync(path.join(parent, name), now - ageSeconds, now - ageSeconds);
  };
  for (let n = 0; n < 6; n++) make(`aaaaaaaa-${n}`, n * 60);
  make('bbbbbbbb-0', 86_400);
  make('aaaaaaaa-9.123.ff.tmp', 60);
  make('aaaaaaaa-8.456.ff.tmp', 86_400);
  await pruneBundles(path.join(parent, 'aaaaaaaa-0'));
  assert.deepEqual(readdirSync(parent).sort(), ['aaaaaaaa-0', 'aaaaaaaa-1', 'aaaaaaaa-2', 'aaaaaaaa-3', 'aaaaaaaa-9.123.ff.tmp', 'bbbbbbbb-0']);
});

test('a build through the launcher and one from the sources through tsx give the same EPUB and PDF, byte for byte', () => {
  const outs = [launcherEntry, sourceEntry].map((entry) => {
    const out = tempDir('quire-entry-');
    const run = runCli(['build', '--format', 'epub,pdf', '--quiet', '--manuscript', defaultManuscript, '--out', out], {}, entry);
    assert.equal(run.status, 0, run.stderr);
    return out;
  });
  const files = readdirSync(outs[0]!).filter((name) => /\.(epub|pdf)$/.test(name)).sort();
  assert.equal(files.length, 2, files.join(', '));
  assert.deepEqual(readdirSync(outs[1]!).filter((name) => /\.(epub|pdf)$/.test(name)).sort(), files);
  for (const name of files) assert.ok(readFileSync(path.join(outs[0]!, name)).equals(readFileSync(path.join(outs[1]!, name))), `${name} differs`);
});

test('the bundle carries no HTTP client', () => {
  assert.equal(runCli(['--help']).status, 0);
  const dir = path.join(realpathSync(path.join(projectRoot, 'node_modules/.cache/quire/bundle')), bundleKey(projectRoot));
  const bundle = readFileSync(path.join(dir, 'cli.cjs'), 'utf8');
  // esbuild heads each module it bundles with a comment naming its file.
  const holds = (module: string) => bundle.includes(`\n// ${module}`);
  for (const client of ['node_modules/node-fetch/', 'node_modules/whatwg-url/', 'node_modules/tr46/', 'node_modules/epub-gen-memory/dist/lib/util/fetchable.js']) {
    assert.ok(!holds(client), `no ${client}`);
  }
  assert.ok(holds('scripts/launcher/epub-fetch-refused.cjs'), 'the refusing fetcher stands in');
});

test('an EPUB build evaluates none of pdf-lib, which a PDF build does (V8 coverage of the bundle)', () => {
  /** How many of pdf-lib's bundled modules a build of `format` evaluated, and how many the bundle holds. */
  const pdfLibModules = (format: string) => {
    const coverage = tempDir('quire-coverage-');
    const run = runCli(['build', '--format', format, '--quiet', '--manuscript', defaultManuscript, '--out', tempDir()], { NODE_V8_COVERAGE: coverage });
    assert.equal(run.status, 0, run.stderr);
    const scripts = readdirSync(coverage).flatMap((name) => (JSON.parse(readFileSync(path.join(coverage, name), 'utf8')) as { result: Array<{ url: string; functions: Array<{ functionName: string; ranges: Array<{ count: number }> }> }> }).result);
    const bundle = scripts.filter((script) => script.url.endsWith('/cli.cjs'));
    assert.equal(bundle.length, 1, 'the bundle ran, once');
    // esbuild names each bundled CommonJS module's factory after its file.
    const modules = bundle[0]!.functions.filter((fn) => fn.functionName.startsWith('node_modules/pdf-lib/'));
    return { evaluated: modules.filter((fn) => fn.ranges[0]!.count > 0).length, bundled: modules.length };
  };
  const epub = pdfLibModules('epub');
  assert.ok(epub.bundled > 100, `pdf-lib is in the bundle (${epub.bundled} modules)`);
  assert.equal(epub.evaluated, 0, 'an EPUB build evaluates none of it');
  assert.ok(pdfLibModules('pdf').evaluated > 100, 'a PDF build does');
});

test('a command runs with the code cache of its kind, made by its first run and rewritten when V8 rejects it', () => {
  const project = copyProject();
  const help = launch(project, ['--help']);
  assert.equal(help.status, 0, help.stderr);
  const [name] = bundles(project).keys();
  const dir = path.join(project, 'node_modules/.cache/quire/bundle', name!);
  const cache = path.join(dir, 'cli.cjs.build-epub.v8cache');
  const build = (): void => {
    const run = launch(project, ['build', '--format', 'epub', '--quiet', '--manuscript', defaultManuscript, '--out', tempDir()]);
    assert.equal(run.status, 0, run.stderr);
  };
  assert.ok(readdirSync(dir).includes('cli.cjs.other.v8cache'), '--help made a cache of its own');
  build();
  const made = readFileSync(cache);
  assert.ok(made.length > readFileSync(path.join(dir, 'cli.cjs.other.v8cache')).length, 'an EPUB build compiles more than --help, and its cache holds it');
  build();
  assert.ok(readFileSync(cache).equals(made), 'a cache V8 accepts is left as it is');
  const damaged = Buffer.alloc(made.length, 7);
  writeFileSync(cache, damaged);
  build();
  const remade = readFileSync(cache);
  assert.ok(!remade.equals(damaged), 'a damaged cache is rejected, the build still runs, and the cache is made again');
  build();
  assert.ok(readFileSync(cache).equals(remade), 'and V8 accepts the new one');
  assert.deepEqual(readdirSync(dir).filter((file) => file.endsWith('.tmp')), []);
});
