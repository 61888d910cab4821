/** `quire new`: a scaffolded book that documents every key and builds; chapters added in order; nothing overwritten. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { bookKeys } from '../scripts/config/schema.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

test('new book writes a book.yaml documenting every key and a first chapter, and the book builds and checks clean', () => {
  const dir = path.join(tempDir(), 'my-novel');
  const made = runCli(['new', 'book', dir]);
  assert.equal(made.status, 0, made.stderr);
  assert.deepEqual(readdirSync(dir).sort(), ['01-introduction.md', 'book.yaml']);
  const yaml = readFileSync(path.join(dir, 'book.yaml'), 'utf8');
  for (const key of Object.keys(bookKeys)) assert.match(yaml, new RegExp(`^(# )?${key}:`, 'm'), key);
  assert.match(yaml, /^title: My novel$/m);

  const check = runCli(['check', '--manuscript', dir]);
  assert.equal(check.status, 0, check.stdout);
  assert.match(check.stdout, /^0 errors, 0 warnings/m);
  const out = tempDir();
  const build = runCli(['build', '--quiet', '--manuscript', dir, '--out', out]);
  assert.equal(build.status, 0, build.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['html', 'my-novel.epub', 'my-novel.pdf']);
});

test('new book refuses a folder that is not empty, and writes nothing', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: Mine\n');
  const run = runCli(['new', 'book', dir]);
  assert.equal(run.status, 4);
  assert.match(run.stderr, /already exists and is not empty/);
  assert.deepEqual(readdirSync(dir), ['book.yaml']);
  assert.equal(readFileSync(path.join(dir, 'book.yaml'), 'utf8'), 'title: Mine\n');
});

test('new chapter adds NN-slug.md with its title and appends it to chapters:, keeping comments', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: T # the title\n# the order:\nchapters:\n  - 01-one.md # first\n');
  writeFileSync(path.join(dir, '01-one.md'), '# One\n\nText.\n');
  const run = runCli(['new', 'chapter', 'The Second Part', '--manuscript', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(readFileSync(path.join(dir, '02-the-second-part.md'), 'utf8'), /^---\ntitle: The Second Part\n---\n/);
  const yaml = readFileSync(path.join(dir, 'book.yaml'), 'utf8');
  assert.equal(yaml, 'title: T # the title\n# the order:\nchapters:\n  - 01-one.md # first\n  - 02-the-second-part.md\n');
  const again = runCli(['new', 'chapter', 'The Second Part', '--manuscript', dir]);
  assert.equal(again.status, 0, again.stderr);
  assert.ok(existsSync(path.join(dir, '03-the-second-part.md')), 'the next number, never an overwrite');
});

test('new chapter in a book listed in parts: goes at the end of the last part', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: T\nparts:\n  - title: First\n    chapters:\n      - 01-one.md\n');
  writeFileSync(path.join(dir, '01-one.md'), '# One\n\nText.\n');
  const run = runCli(['new', 'chapter', 'Two', '--manuscript', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(path.join(dir, 'book.yaml'), 'utf8'), 'title: T\nparts:\n  - title: First\n    chapters:\n      - 01-one.md\n      - 02-two.md\n');
});

test('new chapter in a book without a chapters: list only adds the file', () => {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: T\n');
  const run = runCli(['new', 'chapter', 'Opening', '--manuscript', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(readFileSync(path.join(dir, 'book.yaml'), 'utf8'), 'title: T\n');
  assert.ok(existsSync(path.join(dir, '01-opening.md')));
});
