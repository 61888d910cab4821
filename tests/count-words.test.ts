/**
 * Word counts: what a word is, and that each chapter's count, made once when it is parsed
 * and kept in the parse cache, is the count of the whole chapter as the outputs hold it.
 */
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { toString } from 'hast-util-to-string';
import { ChapterCache } from '../scripts/parse/chapter-cache.ts';
import { countWords } from '../scripts/book/count-words.ts';
import { parseBook } from '../scripts/parse/parse-book.ts';
import { fixturesDir } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

test('a word is a run of letters or digits, with inner apostrophes and hyphens', () => {
  assert.equal(countWords('Ahab’s twice-told tale, in 1851 — of the whale\'s jaw.'), 9);
  assert.equal(countWords('Москва, 1938: «перебежчик»'), 3);
  assert.equal(countWords(' -- … '), 0);
});

test('each chapter counts its words as the outputs hold them, title included, parsed afresh or from the cache', async () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  // A chapter with no heading: its title comes from the front matter and is added as its h1.
  writeFileSync(path.join(manuscript, '03-untitled.md'), '---\ntitle: "A Title of Six Words Here"\n---\n\nOne short paragraph of exactly seven words.\n');
  const cache = new ChapterCache({ dir: tempDir('quire-cache-') });
  for (const round of ['fresh', 'cached']) {
    const { book, stats } = await parseBook(manuscript, { cache });
    await cache.settled();
    assert.equal(round === 'fresh' ? stats.parsed : stats.reused, 3);
    const [opening, closing, untitled] = book!.chapters;
    for (const chapter of [opening!, closing!]) assert.equal(chapter.words, countWords(toString(chapter.tree)), `${round}: ${chapter.sourcePath}`);
    // Six in the title, seven in the text: the added heading is counted as a heading of its own.
    assert.equal(untitled!.words, 13);
  }
});
