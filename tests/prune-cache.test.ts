/**
 * The caches do not grow for ever: once a day, a build removes the entries no build has
 * used for a month. A hit marks an entry used; files that are not entries are never
 * removed.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ChapterCache } from '../scripts/parse/chapter-cache.ts';
import { parseBook } from '../scripts/parse/parse-book.ts';
import { pruneCache, unusedEntryDays } from '../scripts/cache/prune-cache.ts';
import { fixturesDir } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

const day = 24 * 60 * 60 * 1000;
const entry = /^[\da-f]{4}\.v8$/;

/** Sets a file's modification time to `days` days before `now`. */
function age(file: string, days: number, now = Date.now()): void {
  const when = new Date(now - days * day);
  utimesSync(file, when, when);
}

test('entries unused for a month go, at most once a day; fresh entries and other files stay', async () => {
  const dir = path.join(tempDir('quire-cache-'), 'parse');
  mkdirSync(dir);
  const file = (name: string) => path.join(dir, name);
  for (const name of ['aaaa.v8', 'bbbb.v8', 'notes.txt']) writeFileSync(file(name), name);
  age(file('aaaa.v8'), unusedEntryDays + 1);
  age(file('notes.txt'), unusedEntryDays + 1);
  const now = Date.now();
  await pruneCache(dir, entry, now);
  assert.deepEqual(readdirSync(dir).sort(), ['bbbb.v8', 'notes.txt']);
  assert.ok(existsSync(path.join(dir, '../.parse-pruned')), 'the stamp is beside the folder, not in it');

  age(file('bbbb.v8'), unusedEntryDays + 1, now);
  await pruneCache(dir, entry, now + day / 2);
  assert.ok(existsSync(file('bbbb.v8')), 'not looked at again the same day');
  await pruneCache(dir, entry, now + day + 1000);
  assert.ok(!existsSync(file('bbbb.v8')), 'looked at again the next day');
});

test('a cache hit marks the entry used, so pruning keeps it', async () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  const dir = path.join(tempDir('quire-cache-'), 'parse');
  const cache = new ChapterCache({ dir });
  await parseBook(manuscript, { cache });
  await cache.settled();
  const entries = readdirSync(dir).map((name) => path.join(dir, name));
  assert.equal(entries.length, 2);
  for (const file of entries) age(file, unusedEntryDays + 1);
  const { stats } = await parseBook(manuscript, { cache: new ChapterCache({ dir }) });
  assert.equal(stats.reused, 2);
  for (const file of entries) assert.ok(Date.now() - statSync(file).mtimeMs < day, `${path.basename(file)} was marked used`);
  await pruneCache(dir, /^[\da-f]{64}\.v8$/);
  assert.equal(readdirSync(dir).length, 2);
});
