/**
 * The persistent parse cache: a warm build is byte for byte a cold one, an edit re-parses
 * only the edited chapter, a bad cache entry is only a miss, and a change of which images
 * exist is noticed.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { ParseSettings } from '../scripts/config/parse-settings.ts';
import { ChapterCache, chapterKeys } from '../scripts/parse/chapter-cache.ts';
import { parseBook, type ParsedBook } from '../scripts/parse/parse-book.ts';
import { collectMessages, formatMessage } from '../scripts/diagnostics/format-message.ts';
import { serializeHtml } from '../scripts/render/serialize-html.ts';
import { defaultManuscript, fixturesDir } from './helpers/paths.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

/** A copy of the minimal fixture book, free to edit. */
function minimalBook(): string {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  return manuscript;
}

/** Everything a parse decides, as comparable data: each chapter's HTML, title, ids and data, and every message. */
function summary({ book, files }: ParsedBook) {
  return {
    chapters: book?.chapters.map((chapter) => ({
      name: chapter.name,
      title: chapter.title,
      html: serializeHtml(chapter.tree),
      outline: chapter.outline,
      ids: [...chapter.ids],
      data: chapter.file.data,
    })),
    assets: [...(book?.assets.keys() ?? [])],
    messages: collectMessages(files).map(({ file, message }) => formatMessage(message, file.path)),
  };
}

/** Every file under `dir`, by relative path, with its bytes. */
function filesUnder(dir: string): Map<string, Buffer> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => [path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name))]));
}

test('a warm build matches a cold one byte for byte, and after an edit only the edited chapter is parsed', () => {
  const manuscript = minimalBook();
  const cache = tempDir('quire-cache-');
  const build = (cacheDir: string) => {
    const out = tempDir();
    const run = runCli(['build', '--format', 'epub,html', '--quiet', '--timings', '--manuscript', manuscript, '--out', out], { QUIRE_CACHE_DIR: cacheDir });
    assert.equal(run.status, 0, run.stderr);
    return { counts: /^parse chapters: (.*)$/m.exec(run.stdout)?.[1], files: filesUnder(out) };
  };
  const cold = build(cache);
  assert.equal(cold.counts, '2 parsed, 0 from cache');
  const warm = build(cache);
  assert.equal(warm.counts, '0 parsed, 2 from cache');
  assert.deepEqual(warm.files, cold.files);

  appendFileSync(path.join(manuscript, '02-closing.md'), '\nA paragraph added after the first build, with "quotes" -- and a dash.\n');
  const edited = build(cache);
  assert.equal(edited.counts, '1 parsed, 1 from cache');
  const editedCold = build(tempDir('quire-cache-'));
  assert.equal(editedCold.counts, '2 parsed, 0 from cache');
  assert.deepEqual(edited.files, editedCold.files);
  assert.notDeepEqual(edited.files, cold.files);
});

test('a truncated, garbled or misfiled cache entry is a miss, and the parse is the same as without a cache', async () => {
  const manuscript = minimalBook();
  const dir = tempDir('quire-cache-');
  // Each parse with a cache of its own, its writes on disk before the next step.
  const parse = async () => {
    const cache = new ChapterCache({ dir });
    const parsed = await parseBook(manuscript, { cache });
    await cache.settled();
    return parsed;
  };
  const first = await parse();
  const entries = readdirSync(dir).sort();
  assert.equal(entries.length, 2);
  const [a, b] = entries.map((name) => path.join(dir, name)) as [string, string];
  const bytesOfA = readFileSync(a);
  writeFileSync(a, bytesOfA.subarray(0, bytesOfA.length >> 1));
  writeFileSync(b, bytesOfA);
  const truncatedAndMisfiled = await parse();
  assert.deepEqual(truncatedAndMisfiled.stats, { parsed: 2, reused: 0 });
  assert.deepEqual(summary(truncatedAndMisfiled), summary(first));

  // A flipped byte inside the tree, which the entry's own structure does not notice: its CRC-32 does.
  const damaged = readFileSync(b);
  damaged[damaged.length >> 1] ^= 0xff;
  writeFileSync(a, bytesOfA);
  writeFileSync(b, damaged);
  const damagedTree = await parse();
  assert.deepEqual(damagedTree.stats, { parsed: 1, reused: 1 });
  assert.deepEqual(summary(damagedTree), summary(first));

  writeFileSync(a, 'not a cache entry');
  const garbled = await parse();
  assert.equal(garbled.stats.parsed, 1);
  assert.deepEqual(summary(garbled), summary(first));
  const warm = await parse();
  assert.deepEqual(warm.stats, { parsed: 0, reused: 2 });
  assert.deepEqual(summary(warm), summary(first));
});

test("a chapter taken from the parse cache decodes its tree only when it is first read, with its links' fragments settled", async () => {
  const manuscript = minimalBook();
  const dir = tempDir('quire-cache-');
  const cold = new ChapterCache({ dir });
  await parseBook(manuscript, { cache: cold });
  await cold.settled();
  let decoded = 0;
  class CountingCache extends ChapterCache {
    override async read(chapterPath: string, key: string) {
      const record = await super.read(chapterPath, key);
      return record && { ...record, tree: () => (decoded++, record.tree()) };
    }
  }
  const { book, stats } = await parseBook(manuscript, { cache: new CountingCache({ dir }) });
  assert.deepEqual(stats, { parsed: 0, reused: 2 });
  const [opening] = book!.chapters;
  assert.equal(opening!.title, 'The Opening');
  assert.ok(opening!.outline.length > 0 && opening!.ids.has('h-1938-a-year') && opening!.images.total === 2);
  assert.equal(decoded, 0, 'titles, outlines, ids, links and images come from what the parse recorded');
  const fragments: string[] = [];
  visit(opening!.tree, 'element', (node) => {
    if (node.data?.crossReference?.fragment) fragments.push(node.data.crossReference.fragment);
  });
  assert.equal(opening!.tree.children.length > 0, true);
  assert.equal(decoded, 1, 'decoded once, on first use');
  assert.deepEqual(fragments, ['fn-one', 'the-end', 'h-1938-a-year', 'fnref-one'], 'the authored `#1938-a-year` takes the id the heading was given');
});

test('a cached parse is not reused once an image it checked appears or disappears', async () => {
  const manuscript = minimalBook();
  const cache = new ChapterCache({ dir: tempDir('quire-cache-') });
  const image = path.join(manuscript, 'images/square.svg');
  const svg = readFileSync(image);
  rmSync(image);
  const missing = await parseBook(manuscript, { cache });
  assert.deepEqual(summary(missing).messages.filter((line) => line.includes('[missing-image]')).length, 2);
  writeFileSync(image, svg);
  const found = await parseBook(manuscript, { cache });
  assert.equal(found.stats.parsed, 2);
  assert.deepEqual(summary(found).messages.filter((line) => line.includes('[missing-image]')), []);
});

test('the settings of book.yaml that the parse reads are part of every parse key, with nothing else to declare', async () => {
  const manuscript = minimalBook();
  const file = new VFile({ path: path.join(manuscript, '01-opening.md'), value: '# Opening\n' });
  const plain = (await chapterKeys(manuscript, { lang: 'en' }))(file);
  assert.equal((await chapterKeys(manuscript, { lang: 'en' }))(file), plain, 'the same settings give the same key');
  // The book's language, whose direction the parse reads, changes the key of every chapter.
  assert.notEqual((await chapterKeys(manuscript, { lang: 'ar' }))(file), plain);
  // So would a setting a transform will read (a highlighting theme, say).
  const themed = (await chapterKeys(manuscript, { lang: 'en', highlight: 'github-light' } as ParseSettings))(file);
  assert.notEqual(themed, plain);
});
