/** The command line of `quire build`: one manuscript as before, several as a catalog. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { parseCommand, usage, type BuildCommand } from '../scripts/cli/parse-args.ts';

const parseBuild = (argv: string[]) => parseCommand(argv) as BuildCommand;

test('one manuscript builds straight into the output folder, as it always has', () => {
  assert.deepEqual(parseBuild(['build']).books, [{ name: 'manuscript', manuscriptDir: 'manuscript', outDir: 'dist' }]);
  assert.deepEqual(parseBuild(['build', '--manuscript', '../my-book', '--out', 'out']).books, [{ name: 'my-book', manuscriptDir: '../my-book', outDir: 'out' }]);
  assert.deepEqual(parseBuild(['build', 'books/a']).books, [{ name: 'a', manuscriptDir: 'books/a', outDir: 'dist' }]);
});

test('several manuscripts, as arguments or repeated --manuscript, each build into a folder named after theirs', () => {
  const expected = [
    { name: 'a', manuscriptDir: 'books/a', outDir: path.join('dist', 'a') },
    { name: 'b', manuscriptDir: 'books/b', outDir: path.join('dist', 'b') },
  ];
  assert.deepEqual(parseBuild(['build', 'books/a', 'books/b']).books, expected);
  assert.deepEqual(parseBuild(['build', '--manuscript', 'books/a', '--manuscript', 'books/b']).books, expected);
  assert.deepEqual(parseBuild(['build', '--manuscript', 'books/a', 'books/b']).books, expected);
});

test('two manuscripts whose outputs would share a folder are refused with both names', () => {
  assert.throws(() => parseCommand(['build', 'a/book', 'b/book']), /"a\/book" and "b\/book" are both named "book", so both would write dist\/book/);
  assert.throws(() => parseCommand(['build', 'books/a', 'books/a/']), /"books\/a\/" is given twice/);
  assert.throws(() => parseCommand(['build', 'books/a', '/']), /"\/" has no folder name to name its outputs by/);
});

test('--jobs is left to the catalog when not given, and must be a whole number of at least 1', () => {
  assert.equal(parseBuild(['build', 'a', 'b']).jobs, undefined);
  assert.equal(parseBuild(['build', 'a', 'b', '--jobs', '1']).jobs, 1);
  for (const bad of ['0', '1.5', 'two']) assert.throws(() => parseCommand(['build', 'a', 'b', '--jobs', bad]), /Bad --jobs/);
});

test('other commands still take no folder arguments, and the usage shows the catalog form', () => {
  assert.throws(() => parseCommand(['check', 'books/a']), /Unexpected argument "books\/a"/);
  assert.match(usage, /quire build \[options\] DIR\.\.\. \[--jobs N\]/);
});
