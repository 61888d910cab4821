/**
 * The print layout cache: after one chapter changes, only that chapter (and the front
 * pages) are measured again, and the outputs are byte for byte those of a cold build; a
 * cached layout that a print proves wrong is replanned and forgotten.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixturesDir } from './helpers/paths.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

/** A copy of the minimal book, a layout cache for it, and a way to build its EPUB and PDF into `out` with a given cache. */
function minimalBook() {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  const build = (out: string, cacheDir: string) => {
    const run = runCli(['build', '--format', 'epub,pdf', '--quiet', '--manuscript', manuscript, '--out', out], { QUIRE_CACHE_DIR: cacheDir });
    assert.equal(run.status, 0, run.stderr);
  };
  return { manuscript, cache: tempDir('quire-cache-'), build };
}

test('a rebuild after a one-chapter edit reuses the other chapters\' layouts and matches a cold build', () => {
  const { manuscript, cache, build } = minimalBook();
  build(tempDir(), cache);
  const layouts = readdirSync(path.join(cache, 'layout'));
  assert.deepEqual(layouts.map((name) => name.split('-')[0]).sort(), ['chapter', 'chapter', 'front']);

  appendFileSync(path.join(manuscript, '02-closing.md'), '\nA sentence added after the first build, long enough to be its own paragraph.\n');
  const incremental = tempDir();
  build(incremental, cache);
  const after = readdirSync(path.join(cache, 'layout'));
  assert.equal(after.length, layouts.length + 1, 'only the edited chapter got a new layout entry');
  assert.ok(layouts.every((name) => after.includes(name)));

  const cold = tempDir();
  build(cold, tempDir('quire-cache-'));
  for (const name of ['a-minimal-book.epub', 'a-minimal-book.pdf']) {
    assert.ok(readFileSync(path.join(incremental, name)).equals(readFileSync(path.join(cold, name))), name);
  }
});

test('a cached layout that the print proves wrong is replanned, matches a cold build, and is dropped', () => {
  const { manuscript, cache, build } = minimalBook();
  build(tempDir(), cache);
  // Every chapter one page longer than it is: the plan puts the chapters after it, and the
  // page count, where the print will not.
  const wrong = readdirSync(path.join(cache, 'layout')).filter((name) => name.startsWith('chapter-')).map((name) => path.join(cache, 'layout', name));
  assert.equal(wrong.length, 2);
  for (const file of wrong) {
    const layout = JSON.parse(readFileSync(file, 'utf8')) as { pages: number };
    writeFileSync(file, JSON.stringify({ ...layout, pages: layout.pages + 1 }));
  }
  const replanned = tempDir();
  build(replanned, cache);
  const cold = tempDir();
  build(cold, tempDir('quire-cache-'));
  for (const name of ['a-minimal-book.epub', 'a-minimal-book.pdf']) {
    assert.ok(readFileSync(path.join(replanned, name)).equals(readFileSync(path.join(cold, name))), name);
  }
  for (const file of wrong) assert.ok(!existsSync(file), `${path.basename(file)} was dropped`);
});
