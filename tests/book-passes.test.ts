/**
 * The worked example of a book-wide pass (`tests/examples/image-count-pass.ts`, shown in
 * docs/architecture.md, "Where a new feature goes"): a pass that counts each chapter's
 * images into a fact of the book and warns at every heading that still says TODO. It runs after the built-in
 * passes over a real fixture book, through the real parse; its fact and its located
 * warning are read back, then read again from a parse taken wholly from the cache.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { ChapterCache } from '../scripts/parse/chapter-cache.ts';
import { parseBook, type ParsedBook } from '../scripts/parse/parse-book.ts';
import { bookPasses } from '../scripts/book/passes/book-passes.ts';
import { bookPass } from '../scripts/book/passes/pass.ts';
import { imageCount } from './examples/image-count-pass.ts';
import { collectMessages, formatMessage } from '../scripts/diagnostics/format-message.ts';
import { fixturesDir } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

/** A copy of the minimal fixture book whose last chapter ends with a TODO heading, on its line 13. */
function bookWithTodo(): string {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  appendFileSync(path.join(manuscript, '02-closing.md'), '\n## TODO: an ending\n');
  return manuscript;
}

/** The messages of a parse, as `quire check` prints them, relative to the manuscript. */
function messagesOf(parsed: ParsedBook, manuscript: string): string[] {
  return collectMessages(parsed.files).map(({ file, message }) => formatMessage(message, file.path, manuscript));
}

test('a book-wide pass adds a fact to the book and reports a located warning, the same from the parse cache', async () => {
  const manuscript = bookWithTodo();
  const cacheFolder = tempDir();
  const cache = new ChapterCache({ dir: cacheFolder });
  const passes = [...bookPasses, imageCount];

  const fresh = await parseBook(manuscript, { cache, passes });
  await cache.settled();
  assert.equal(fresh.stats.parsed, 2);
  assert.deepEqual(fresh.book?.facts.imagesPerChapter, new Map([['ch-01-opening', 2], ['ch-02-closing', 0]]));
  assert.deepEqual(messagesOf(fresh, manuscript), ['02-closing.md:13:1: warning: Heading still says TODO: “TODO: an ending” [todo-heading]']);

  // A new cache object over the same folder: every chapter comes from disk, and the pass sees the same facts.
  const cached = await parseBook(manuscript, { cache: new ChapterCache({ dir: cacheFolder }), passes });
  assert.equal(cached.stats.reused, 2);
  assert.deepEqual(cached.book?.facts.imagesPerChapter, fresh.book?.facts.imagesPerChapter);
  assert.deepEqual(messagesOf(cached, manuscript), messagesOf(fresh, manuscript));
});

test('a pass sees only the chapter facts it declares, and must add every fact it declares', async () => {
  const manuscript = path.join(fixturesDir, 'books/minimal');
  const seen: string[][] = [];
  const looking = bookPass({
    name: 'looking',
    reads: ['title'],
    run({ chapters }) {
      for (const chapter of chapters) seen.push(Object.keys(chapter).sort());
      return {};
    },
    adds: [],
  });
  await parseBook(manuscript, { cache: new ChapterCache(), passes: [looking] });
  assert.deepEqual(seen, [['file', 'id', 'index', 'sourcePath', 'title'], ['file', 'id', 'index', 'sourcePath', 'title']]);

  const forgetful = bookPass({ name: 'forgetful', reads: [], adds: ['imagesPerChapter'], run: () => ({}) as { imagesPerChapter: Map<string, number> } });
  await assert.rejects(parseBook(manuscript, { cache: new ChapterCache(), passes: [forgetful] }), /`forgetful` did not add the fact `imagesPerChapter`/);
});
