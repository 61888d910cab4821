/** Unit tests of how a chapter's title is chosen from its headings and front matter (`titleChapter`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { titleChapter } from '../scripts/book/chapter-title.ts';
import type { HeadingFact } from '../scripts/book/types.ts';

const headings = (...list: Array<[number, string]>): HeadingFact[] =>
  list.map(([depth, text]) => ({ depth, text, id: text.toLowerCase().replace(/\W+/g, '-') }));
const bookTitles = ['The Book'];

test('the first heading of the highest level is the title, and headings move up to make it an h1', () => {
  const titling = titleChapter({ headings: headings([2, 'One'], [3, 'A'], [4, 'B'], [2, 'Two']), bookTitles });
  assert.equal(titling.title, 'One');
  assert.equal(titling.shift, 1);
  assert.equal(titling.addHeading, false);
  assert.deepEqual(titling.outline.map((entry) => [entry.depth, entry.text]), [[2, 'A'], [3, 'B']], 'a second `##`, now an h1, is not a section');
});

test('a `#` is the title over earlier `##`s', () => {
  const titling = titleChapter({ headings: headings([2, 'Epigraph'], [1, 'Real'], [2, 'Section']), bookTitles });
  assert.equal(titling.title, 'Real');
  assert.equal(titling.shift, 0);
});

test('an opening `#` repeating the book title is left out only when `##`s follow and no other `#` does', () => {
  const repeated = titleChapter({ headings: headings([1, 'THE  BOOK'], [2, 'Chapter One'], [3, 'Part']), bookTitles });
  assert.equal(repeated.bookTitleHeading?.text, 'THE  BOOK');
  assert.equal(repeated.title, 'Chapter One');
  assert.equal(repeated.shift, 1);
  assert.deepEqual(repeated.outline.map((entry) => [entry.depth, entry.text]), [[2, 'Part']]);
  assert.equal(titleChapter({ headings: headings([1, 'The Book'], [1, 'Other'], [2, 'x']), bookTitles }).bookTitleHeading, undefined);
  assert.equal(titleChapter({ headings: headings([1, 'The Book']), bookTitles }).title, 'The Book', 'a chapter that is only the book title keeps it');
});

test('a declared title keeps the headings where they are and is added as an h1 when there is none', () => {
  const sections = titleChapter({ headings: headings([2, 'Section']), declared: 'Declared', bookTitles });
  assert.deepEqual([sections.title, sections.shift, sections.addHeading], ['Declared', 0, true]);
  assert.deepEqual(sections.outline.map((entry) => entry.text), ['Section']);
  const headed = titleChapter({ headings: headings([1, 'Heading']), declared: 'Declared', bookTitles });
  assert.deepEqual([headed.title, headed.addHeading], ['Declared', false]);
});

test('a chapter with no heading and no declared title has none', () => {
  assert.equal(titleChapter({ headings: [], bookTitles }).title, undefined);
});

test('titles are plain text on one line, without the characters XML forbids (a random run found `## \\u001b`)', () => {
  const titling = titleChapter({ headings: headings([2, 'Bell\u001b Rock\n  Light'], [3, 'Lamp\u0007']), bookTitles });
  assert.equal(titling.title, 'Bell Rock Light');
  assert.deepEqual(titling.outline.map((entry) => entry.text), ['Lamp']);
  assert.equal(titleChapter({ headings: [], declared: 'Declared\u0000 title', bookTitles }).title, 'Declared title');
});
