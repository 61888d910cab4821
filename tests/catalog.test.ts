/**
 * Catalog builds: several manuscripts in one command, in one Chromium. Two copies of the
 * minimal book and the missing-image fixture are built together; the good books must land
 * in their own folders byte for byte as single builds make them, the bad one must fail
 * with its located message and leave its folder as it was.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { resolveBrowser } from '../scripts/browser/resolve-browser.ts';
import { catalogJobs } from '../scripts/catalog/catalog-jobs.ts';
import { crashingBrowser, stagingFolders, type FaultyBrowser } from './helpers/fault-injection.ts';
import { defaultManuscript, fixturesDir, mobyDickManuscript } from './helpers/paths.ts';
import { runCli, runCliAsync, tempDir, type CliRun } from './helpers/run-cli.ts';

const minimal = path.join(fixturesDir, 'books/minimal');
const missingImage = path.join(fixturesDir, 'rules/missing-image/manuscript');
const slug = 'a-minimal-book';

/** Copies fixture manuscripts into a fresh `books/` folder under the names given. */
function catalogOf(books: Record<string, string>): Record<string, string> {
  const root = path.join(tempDir('quire-catalog-'), 'books');
  return Object.fromEntries(
    Object.entries(books).map(([name, fixture]) => {
      cpSync(fixture, path.join(root, name), { recursive: true });
      return [name, path.join(root, name)];
    }),
  );
}

/** Every file below `dir`, by relative path, with its bytes. */
function filesBelow(dir: string, prefix = ''): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [inner, bytes] of filesBelow(full, `${prefix}${name}/`)) files.set(inner, bytes);
    else files.set(`${prefix}${name}`, readFileSync(full));
  }
  return files;
}

/** Asserts that two output folders hold the same files with the same bytes. */
function assertSameOutputs(actual: string, expected: string): void {
  const got = filesBelow(actual);
  const want = filesBelow(expected);
  assert.deepEqual([...got.keys()], [...want.keys()]);
  for (const [name, bytes] of want) assert.ok(got.get(name)!.equals(bytes), `${name} differs from the single build's`);
}

let books: Record<string, string>;
let out: string;
let run: CliRun;
let browser: FaultyBrowser;

before(async () => {
  books = catalogOf({ alpha: minimal, beta: minimal, broken: missingImage });
  out = path.join(tempDir(), 'dist');
  mkdirSync(path.join(out, 'broken'), { recursive: true });
  writeFileSync(path.join(out, 'broken/earlier.txt'), 'an earlier build\n');
  // A wrapper that counts launches of the real Chromium (and crashes none).
  browser = crashingBrowser(await resolveBrowser(), path.join(out, 'alpha'), 0);
  run = await runCliAsync(['build', books.alpha!, books.beta!, books.broken!, '--out', out], {
    PUPPETEER_EXECUTABLE_PATH: browser.executable,
    QUIRE_CACHE_DIR: tempDir('quire-cache-'),
  });
});

test('each good book of a catalog is built into its own folder; the failed book leaves its folder as it was', () => {
  assert.deepEqual(readdirSync(out).sort(), ['alpha', 'beta', 'broken']);
  for (const name of ['alpha', 'beta']) assert.deepEqual(readdirSync(path.join(out, name)).sort(), [`${slug}.epub`, `${slug}.pdf`, 'html'], name);
  assert.deepEqual(readdirSync(path.join(out, 'broken')), ['earlier.txt']);
  for (const name of ['alpha', 'beta', 'broken']) assert.deepEqual(stagingFolders(path.join(out, name)), [], `no staging folder of ${name} is left`);
});

test('a bad book fails with its located message and a non-zero exit, while the others are built', () => {
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /books\/broken\/a\.md:3:1: error: Image not found: `images\/nowhere\.png` \[missing-image\]/);
  assert.ok(run.stderr.includes(`broken: build failed: 1 error in the manuscript; nothing was written to ${path.join(out, 'broken')}`), run.stderr);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
});

test('the catalog ends with one summary line per book, in the order given', () => {
  const summary = run.stderr.slice(run.stderr.indexOf('catalog: '));
  const lines = summary.trimEnd().split('\n');
  assert.equal(lines[0]!.replace(/in [\d.]+ s$/, 'in S'), 'catalog: 2 of 3 books built, 1 failed, in S');
  assert.match(lines[1]!, /^ {2}built {2}alpha {3}"A Minimal Book" into .*alpha\/, [\d.]+ s$/);
  assert.match(lines[2]!, /^ {2}built {2}beta {4}"A Minimal Book" into .*beta\/, [\d.]+ s$/);
  assert.match(lines[3]!, /^ {2}failed broken {2}1 error in the manuscript \(exit 1\), [\d.]+ s$/);
  assert.equal(lines.length, 4);
});

test('the whole catalog prints in one Chromium', () => {
  assert.equal(browser.launches(), 1);
});

test("a catalog's outputs are byte for byte those of single builds of the same manuscripts", () => {
  for (const name of ['alpha', 'beta']) {
    const single = tempDir();
    const alone = runCli(['build', '--quiet', '--manuscript', books[name]!, '--out', single]);
    assert.equal(alone.status, 0, alone.stderr);
    assertSameOutputs(path.join(out, name), single);
  }
});

test('a catalog of good books given with --manuscript exits 0 with every book built, and prints nothing on standard error', () => {
  const good = catalogOf({ one: minimal, two: minimal });
  const dist = tempDir();
  const all = runCli(['build', '--format', 'epub', '--manuscript', good.one!, '--manuscript', good.two!, '--out', dist, '--jobs', '1']);
  assert.equal(all.status, 0, all.stderr);
  assert.equal(all.stderr, '');
  assert.match(all.stdout, /^building 2 books into .*, 1 at a time$/m);
  assert.match(all.stdout, /^one: built "A Minimal Book" \(60 words\) in [\d.]+ s$/m);
  assert.match(all.stdout, /^catalog: 2 of 2 books built, in [\d.]+ s$/m);
  for (const name of ['one', 'two']) assert.deepEqual(readdirSync(path.join(dist, name)), [`${slug}.epub`]);
});

test('Chromium killed mid-print in a catalog: the print is retried in one fresh browser and every book is built', async () => {
  const good = catalogOf({ alpha: minimal, beta: minimal });
  const dist = path.join(tempDir(), 'dist');
  const crashing = crashingBrowser(await resolveBrowser(), path.join(dist, 'alpha'), 1);
  const crashed = await runCliAsync(['build', '--format', 'pdf', good.alpha!, good.beta!, '--out', dist], {
    PUPPETEER_EXECUTABLE_PATH: crashing.executable,
    QUIRE_CACHE_DIR: tempDir('quire-cache-'),
  });
  assert.equal(crashed.status, 0, crashed.stderr);
  assert.match(crashed.stdout, /alpha: Chromium stopped while printing the PDF: .*; printing once more/);
  assert.equal(crashing.launches(), 2);
  for (const name of ['alpha', 'beta']) assert.deepEqual(readdirSync(path.join(dist, name)), [`${slug}.pdf`]);
});

test('without --jobs, short books are built one per core, and a catalog with a long book half the cores', () => {
  const short = path.join(tempDir(), 'short');
  cpSync(defaultManuscript, short, { recursive: true });
  assert.equal(catalogJobs([short, defaultManuscript], 2), 2);
  assert.equal(catalogJobs([short, defaultManuscript], 4), 4);
  assert.equal(catalogJobs([short, mobyDickManuscript], 2), 1, 'Moby-Dick prints on both cores by itself');
  assert.equal(catalogJobs([short, mobyDickManuscript], 8), 4);
});
