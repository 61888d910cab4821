/**
 * The renderer contract (see `scripts/renderers/renderer.ts`): a renderer that is not one
 * of the built-in three runs through `build()` like them, and an output that is not asked
 * for is not rendered: no web edition unless `html` is among the formats.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { build } from '../scripts/build/build.ts';
import type { Renderer } from '../scripts/renderers/renderer.ts';
import { wordsRenderer } from './examples/words-renderer.ts';
import { fixturesDir } from './helpers/paths.ts';
import { tempDir } from './helpers/run-cli.ts';

const minimal = path.join(fixturesDir, 'books/minimal');
const date = new Date('2026-01-02T00:00:00Z');

/** Every path under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

test('a small renderer of its own runs through build(): its file is committed to the out folder, and nothing else is built', async () => {
  const out = tempDir();
  const result = await build({ manuscriptDir: minimal, outDir: out, formats: [], renderers: [wordsRenderer], date });
  assert.deepEqual(readdirSync(out), ['a-minimal-book.words.json']);
  const words = JSON.parse(readFileSync(path.join(out, 'a-minimal-book.words.json'), 'utf8')) as Array<{ title: string; words: number }>;
  assert.deepEqual(words.map(({ title }) => title), result.book.chapters.map((chapter) => chapter.title));
  assert.ok(words.every(({ words }) => words > 0), JSON.stringify(words));
  assert.deepEqual(result.outputs.map(({ format, path: file }) => [format, path.basename(file)]), [['words', 'a-minimal-book.words.json']]);
  assert.equal(result.pageCount, undefined, 'nothing was printed');
});

test('an EPUB and a PDF alone render no web edition: the staging folder, seen once the PDF is printed, holds none of its pages', async () => {
  const out = tempDir();
  // A renderer that, once the PDF is printed, lists what the build staged beside Chromium's folder.
  const spy: Renderer = {
    name: 'staged',
    needs: () => ['printed'],
    async render({ products }) {
      await products.printed();
      const staging = path.dirname((await products.printRoot()).dir);
      return { name: 'staged.json', files: [{ path: 'staged.json', data: JSON.stringify(filesUnder(staging)) }] };
    },
  };
  const { book } = await build({ manuscriptDir: minimal, outDir: out, formats: ['epub', 'pdf'], renderers: [spy], date });
  assert.deepEqual(readdirSync(out).sort(), ['a-minimal-book.epub', 'a-minimal-book.pdf', 'staged.json']);
  const staged = JSON.parse(readFileSync(path.join(out, 'staged.json'), 'utf8')) as string[];
  assert.ok(staged.some((file) => file.startsWith('.print-root/fonts/')), `Chromium's own folder has the faces: ${staged.join(', ')}`);
  assert.ok(!staged.some((file) => file.split(path.sep)[0] === 'html'), `no web edition staged: ${staged.join(', ')}`);
  const webPages = new Set(['index.html', ...book.chapters.map((chapter) => `${chapter.name}.html`)]);
  const pages = staged.filter((file) => webPages.has(path.basename(file)));
  assert.deepEqual(pages, [], 'no web page was rendered');
});

test('a renderer that asks for a product it did not declare fails the build, and the out folder is left untouched', async () => {
  const out = tempDir();
  const undeclared: Renderer = {
    name: 'undeclared',
    needs: () => [],
    async render({ products }) {
      await products.printBody();
      return { name: 'never.txt', files: [] };
    },
  };
  await assert.rejects(build({ manuscriptDir: minimal, outDir: out, formats: [], renderers: [undeclared], date }), /No renderer declared that it needs "print-body"/);
  assert.deepEqual(readdirSync(out), []);
});
