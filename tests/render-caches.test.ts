/**
 * The caches of rendered chapters: a chapter's print HTML, or its EPUB XHTML, is reused
 * only under a key of everything it follows from, and a bad entry is a miss. An EPUB-only rebuild after an edit (which
 * measures only the edited chapter, in a document of its own, and takes the other
 * chapters' XHTML from the EPUB cache) matches a cold build.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import { FileCache } from '../scripts/cache/file-cache.ts';
import type { PageBreak } from '../scripts/epub/page-list.ts';
import { chapterFileName, renderEpub, renderEpubDocuments } from '../scripts/epub/render-epub.ts';
import { PrintChapterCache, printChapterKeys } from '../scripts/pdf/print-chapter-cache.ts';
import { printBody } from '../scripts/pdf/print-document.ts';
import { loadHyphenator } from '../scripts/render/hyphenate-tree.ts';
import { defaultManuscript, fixturesDir } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

test('a chapter\'s key changes with its hyphenation and with the id of a chapter it links to, and only then', async () => {
  const { book } = await loadBook(defaultManuscript);
  const keys = await printChapterKeys(book, true);
  assert.deepEqual(await printChapterKeys((await loadBook(defaultManuscript)).book, true), keys, 'the same book, parsed again, has the same keys');
  const unhyphenated = await printChapterKeys(book, false);
  assert.ok(book.chapters.every((chapter) => unhyphenated.get(chapter.id) !== keys.get(chapter.id)));

  // The conclusion links to operation-bear.md: its print links are fragments named by that chapter's id.
  const target = book.chapters.find((chapter) => chapter.sourcePath === 'operation-bear.md')!;
  const linking = book.chapters.filter((chapter) => chapter !== target && JSON.stringify(chapter.tree).includes('"targetPath":"operation-bear.md"'));
  assert.ok(linking.length > 0, 'some chapter links to operation-bear.md');
  const before = new Map(book.chapters.map((chapter) => [chapter, keys.get(chapter.id)!]));
  target.id = `${target.id}-renamed`;
  const renamed = await printChapterKeys(book, true);
  for (const chapter of book.chapters) {
    const changed = chapter === target || linking.includes(chapter);
    assert.equal(renamed.get(chapter.id) !== before.get(chapter), changed, `${chapter.sourcePath}: key ${changed ? 'changes' : 'stays'}`);
  }
});

test("a chapter's key changes when one of its links resolves to another fragment, as when the target's heading takes another id", async () => {
  const { book } = await loadBook(defaultManuscript);
  const keys = await printChapterKeys(book, true);
  const linking = book.chapters.find((chapter) => chapter.references.some((reference) => reference.targetPath !== chapter.sourcePath))!;
  const reference = linking.references.find((candidate) => candidate.targetPath !== linking.sourcePath)!;
  reference.fragment = `h-${reference.fragment ?? 'top'}`;
  const resolved = await printChapterKeys(book, true);
  for (const chapter of book.chapters) {
    assert.equal(resolved.get(chapter.id) !== keys.get(chapter.id), chapter === linking, `${chapter.sourcePath}`);
  }
});

test('chapters come from the cache as they were made, and a garbled or truncated entry is a miss', async () => {
  const { book } = await loadBook(defaultManuscript);
  const hyphenate = await loadHyphenator(book.config.lang);
  const fresh = await printBody(book, hyphenate);
  const dir = tempDir('quire-print-cache-');
  const cache = new PrintChapterCache(new FileCache(dir, '.json'));
  assert.deepEqual(await printBody(book, hyphenate, cache), fresh);
  await cache.settled();
  const entries = readdirSync(dir);
  assert.equal(entries.length, book.chapters.length);
  // Every chapter from the cache: the entries are what a fresh serialisation gives.
  assert.deepEqual(await printBody(book, hyphenate, cache), fresh);

  const [garbled, truncated] = entries.map((name) => path.join(dir, name));
  writeFileSync(garbled!, '{"html": 42}');
  writeFileSync(truncated!, readFileSync(truncated!, 'utf8').slice(0, 100));
  assert.deepEqual(await printBody(book, hyphenate, cache), fresh);
  await cache.settled();
  assert.ok(JSON.parse(readFileSync(garbled!, 'utf8')).html.length > 0, 'a bad entry is written again');
});

test('an EPUB-only rebuild after a one-chapter edit reuses the print HTML, layout and EPUB XHTML of the others and matches a cold build', () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  const build = (cacheDir: string) => {
    const out = tempDir();
    const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out], { QUIRE_CACHE_DIR: cacheDir });
    assert.equal(run.status, 0, run.stderr);
    return readFileSync(path.join(out, 'a-minimal-book.epub'));
  };
  const cache = tempDir('quire-cache-');
  build(cache);
  const printed = readdirSync(path.join(cache, 'print'));
  const layouts = readdirSync(path.join(cache, 'layout'));
  const rendered = readdirSync(path.join(cache, 'epub'));
  assert.equal(printed.length, 2);
  assert.equal(rendered.length, 2);

  appendFileSync(path.join(manuscript, '02-closing.md'), '\nA sentence added after the first build, long enough to be its own paragraph.\n');
  const incremental = build(cache);
  const printedAfter = readdirSync(path.join(cache, 'print'));
  assert.equal(printedAfter.length, 3, 'only the edited chapter was serialised again');
  assert.ok(printed.every((name) => printedAfter.includes(name)));
  assert.equal(readdirSync(path.join(cache, 'layout')).length, layouts.length + 1, 'only the edited chapter was measured again');
  const renderedAfter = readdirSync(path.join(cache, 'epub'));
  assert.equal(renderedAfter.length, 3, 'only the edited chapter was rendered again for the EPUB');
  assert.ok(rendered.every((name) => renderedAfter.includes(name)));
  const cold = build(tempDir('quire-cache-'));
  assert.ok(incremental.equals(cold), 'the rebuild is byte for byte a cold build');

  // Every chapter's parse cached, but no layout: no page was opened ahead, and every chapter is measured.
  rmSync(path.join(cache, 'layout'), { recursive: true });
  assert.ok(build(cache).equals(cold), 'a rebuild that measures all again is byte for byte a cold build');
  assert.equal(readdirSync(path.join(cache, 'layout')).length, layouts.length);
});

test('a chapter\'s EPUB XHTML comes from the cache with page breaks at the same places, whatever their folios', async () => {
  const { book } = await loadBook(defaultManuscript);
  const cache = new FileCache(tempDir('quire-epub-cache-'), '.xhtml');
  const [first, second] = book.chapters;
  const markers = (folio: string, anchorIndex: number): PageBreak[] =>
    [first!, second!].flatMap((chapter, index) => [
      { folio: `${folio}${index}`, place: { chapterId: chapter.id, anchorIndex } },
      { folio: `${folio}${index}1`, place: { chapterId: chapter.id, anchorIndex: anchorIndex + 1 } },
    ]);
  const chapterXhtml = async (epub: Uint8Array) => {
    const file = path.join(tempDir(), 'book.epub');
    writeFileSync(file, epub);
    const { text } = await readEpub(file);
    return Promise.all(book.chapters.map((chapter) => text(`OEBPS/${chapterFileName(chapter)}`)));
  };
  const modified = new Date('2025-01-01T00:00:00Z');
  const entries: number[] = [];
  for (const [folio, anchorIndex] of [['1', 1], ['2', 1], ['xi', 2], ['3', 1]] as const) {
    const cached = await chapterXhtml(await renderEpub(book, { modified, pageBreaks: markers(folio, anchorIndex), cache }));
    await cache.settled();
    entries.push(readdirSync(cache.dir).length);
    const fresh = renderEpubDocuments(book, { pageBreaks: markers(folio, anchorIndex) });
    assert.deepEqual(cached, book.chapters.map((chapter) => fresh.find((document) => document.filename === chapterFileName(chapter))!.xhtml), `markers ${folio}`);
    assert.ok(cached[0]!.includes(`id="page-${folio}0"`) && cached[0]!.includes(`aria-label="${folio}01"`));
  }
  const chapters = book.chapters.length;
  assert.deepEqual(entries, [chapters, chapters, chapters + 2, chapters + 2], 'new folios reuse the entries; breaks at other places make new ones');
});

test('a chapter whose text looks like a folio placeholder is rendered as it is, and not cached', async () => {
  const manuscript = tempDir();
  cpSync(defaultManuscript, manuscript, { recursive: true });
  const chapterFile = readdirSync(manuscript).filter((name) => name.endsWith('.md')).sort()[0]!;
  appendFileSync(path.join(manuscript, chapterFile), '\nA stray \uFDD00\uFDD1 in the text.\n');
  const { book } = await loadBook(manuscript);
  const cache = new FileCache(tempDir('quire-epub-cache-'), '.xhtml');
  const chapter = book.chapters.find((candidate) => candidate.sourcePath === chapterFile)!;
  const pageBreaks: PageBreak[] = [{ folio: '7', place: { chapterId: chapter.id, anchorIndex: 1 } }];
  const epub = await renderEpub(book, { modified: new Date('2025-01-01T00:00:00Z'), pageBreaks, cache });
  await cache.settled();
  const file = path.join(tempDir(), 'book.epub');
  writeFileSync(file, epub);
  const xhtml = await (await readEpub(file)).text(`OEBPS/${chapterFileName(chapter)}`);
  assert.equal(xhtml, renderEpubDocuments(book, { pageBreaks }).find((document) => document.filename === chapterFileName(chapter))!.xhtml);
  assert.ok(xhtml.includes('\uFDD00\uFDD1') && xhtml.includes('id="page-7"'));
  assert.equal(readdirSync(cache.dir).length, book.chapters.length - 1, 'every chapter but that one is kept');
});
