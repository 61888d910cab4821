/** The package's accessibility metadata follows from the book's images, counted as each chapter is assembled. */
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import { accessibilityMetadata } from '../scripts/epub/accessibility-metadata.ts';
import { fixturesDir } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

const values = (properties: ReturnType<typeof accessibilityMetadata>, name: string) =>
  properties.filter(({ property }) => property === `schema:${name}`).map(({ value }) => value);

test('every image described (one decorative): the text alone is sufficient', async () => {
  const { book } = await loadBook(path.join(fixturesDir, 'books/minimal'));
  assert.deepEqual(book.chapters.map((chapter) => chapter.images), [{ total: 2, described: 2 }, { total: 0, described: 0 }]);
  const properties = accessibilityMetadata(book, { pageList: false });
  assert.deepEqual(values(properties, 'accessMode'), ['textual', 'visual']);
  assert.deepEqual(values(properties, 'accessModeSufficient'), ['textual', 'textual,visual']);
  assert.ok(values(properties, 'accessibilityFeature').includes('alternativeText'));
  assert.match(values(properties, 'accessibilitySummary')[0]!, /Each of its 2 images has a text alternative/);
});

test('an image without a text alternative: the text alone is not sufficient, and the summary says so', async () => {
  const manuscript = tempDir();
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  writeFileSync(path.join(manuscript, '03-plate.md'), '# A Plate\n\n![](images/square.svg)\n');
  const { book } = await loadBook(manuscript);
  assert.deepEqual(book.chapters.at(-1)!.images, { total: 1, described: 0 });
  const properties = accessibilityMetadata(book, { pageList: true });
  assert.deepEqual(values(properties, 'accessModeSufficient'), ['textual,visual']);
  assert.ok(!values(properties, 'accessibilityFeature').includes('alternativeText'));
  assert.ok(values(properties, 'accessibilityFeature').includes('printPageNumbers'));
  assert.match(values(properties, 'accessibilitySummary')[0]!, /Some of its 3 images have no text alternative/);
});
