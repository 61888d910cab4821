/** Unit tests of book.yaml loading and the small pure helpers around it. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { deriveIdentifier } from '../scripts/config/derive-identifier.ts';
import { loadConfig } from '../scripts/config/load-config.ts';
import { nearMiss } from '../scripts/config/near-miss.ts';
import { bookKeys, keySynonyms } from '../scripts/config/schema.ts';
import { bookSlug } from '../scripts/output/book-slug.ts';
import { sourceDate } from '../scripts/time/source-date.ts';
import { tempDir } from './helpers/run-cli.ts';

test('near misses name the key they probably meant', () => {
  const known = Object.keys(bookKeys);
  assert.equal(nearMiss('autor', known, keySynonyms), 'author');
  assert.equal(nearMiss('langauge', known, keySynonyms), 'lang');
  assert.equal(nearMiss('titel', known, keySynonyms), 'title');
  assert.equal(nearMiss('cover', known, keySynonyms), 'cover-image');
  assert.equal(nearMiss('source-credit', known, keySynonyms), undefined);
  assert.equal(nearMiss('ordinal', known, keySynonyms), undefined);
});

test('pandoc keys are read; author and subject take one value or a list; custom keys are kept', async () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: T\nauthor: A\nsubject: [x, y]\nlanguage: en-US\nlang: en-US\nseries: S\ntrim: 5.5 x 8.5\n');
  const { config, file } = await loadConfig(dir);
  assert.equal(file.messages.length, 0, String(file.messages));
  assert.deepEqual(config?.authors, ['A']);
  assert.deepEqual(config?.subjects, ['x', 'y']);
  assert.equal(config?.lang, 'en-US');
  assert.deepEqual(config?.variables, { language: 'en-US', series: 'S' });
  assert.deepEqual(config?.trim, { name: '5.5x8.5', width: 5.5, height: 8.5 });
});

test('a missing identifier is derived stably from title and authors', () => {
  const one = deriveIdentifier('Title', ['A']);
  assert.equal(one, deriveIdentifier('Title', ['A']));
  assert.notEqual(one, deriveIdentifier('Title', ['B']));
  assert.match(one, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('book slugs transliterate every script, else take the identifier, else "book"', () => {
  assert.equal(bookSlug('Moby Dick'), 'moby-dick');
  assert.equal(bookSlug('Crème Brûlée: A Life'), 'creme-brulee-a-life');
  assert.equal(bookSlug('Война и мир'), 'voyna-i-mir');
  assert.equal(bookSlug('Οδύσσεια'), 'odysseia');
  assert.equal(bookSlug('كتاب الأغاني'), 'ktb-l-ghny');
  assert.equal(bookSlug('红楼梦'), 'hong-lou-meng');
  assert.equal(bookSlug('—', 'urn:isbn:9780000000000'), 'isbn-9780000000000');
  assert.equal(bookSlug('—'), 'book');
});

test('SOURCE_DATE_EPOCH fixes the build date', () => {
  assert.equal(sourceDate({ SOURCE_DATE_EPOCH: '1764000000' }).toISOString(), '2025-11-24T16:00:00.000Z');
  assert.throws(() => sourceDate({ SOURCE_DATE_EPOCH: 'yesterday' }), /whole number/);
});

test('the README documents every book.yaml and front-matter key', async () => {
  const { readFileSync } = await import('node:fs');
  const { frontMatterKeys } = await import('../scripts/config/schema.ts');
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  for (const [key, spec] of [...Object.entries(bookKeys), ...Object.entries(frontMatterKeys)]) {
    assert.ok(readme.includes(`| \`${key}\` | ${spec.description}`), `README row for ${key}`);
  }
});
