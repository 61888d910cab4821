/**
 * Moby-Dick from Standard Ebooks, built as it is from ../shared/corpora: 139 chapters,
 * custom keys, 22 footnotes, a cover and an SVG image. Our real-world test book.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { assertPrintPdf, assertValidEpub } from './helpers/book-checks.ts';
import { mobyDickManuscript } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { navContents } from './helpers/read-nav.ts';
import { assertBookLayout } from './helpers/printed-book.ts';
import { assertPageListMatchesPrint } from './helpers/page-list-check.ts';
import { loadBook } from '../scripts/parse/load-book.ts';
import { pdfText } from './helpers/read-pdf.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

let out: string;

before(() => {
  out = tempDir();
  const run = runCli(['build', '--format', 'epub,pdf', '--manuscript', mobyDickManuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.equal(run.stderr, '', 'Moby-Dick builds without a warning');
});

test('Moby-Dick builds an EPUB and a PDF', () => {
  assert.deepEqual(readdirSync(out).sort(), ['moby-dick.epub', 'moby-dick.pdf']);
});

test('the Moby-Dick EPUB passes both validators with no errors and no warnings', async () => {
  await assertValidEpub(path.join(out, 'moby-dick.epub'));
});

test('the Moby-Dick EPUB has every chapter, all 22 notes, the cover and the SVG mark', async () => {
  const epub = await readEpub(path.join(out, 'moby-dick.epub'));
  const opf = await epub.text('OEBPS/content.opf');
  const chapterItems = opf.match(/<itemref idref="ch-/g) ?? [];
  assert.equal(chapterItems.length, 139);
  assert.match(opf, /properties="cover-image"/);
  assert.match(opf, /<item id="image-\d+" href="images\/queequegs-mark.svg" media-type="image\/svg\+xml"\/>/);
  assert.match(opf, /<dc:subject>Whaling -- Fiction<\/dc:subject>/);
  const documents = await Promise.all(epub.names.filter((name) => name.endsWith('.xhtml')).map((name) => epub.text(name)));
  const all = documents.join('\n');
  assert.equal((all.match(/epub:type="noteref"/g) ?? []).length, 22);
  assert.equal((all.match(/epub:type="footnote"/g) ?? []).length, 22);
  assert.match(all, /<img src="images\/queequegs-mark.svg" alt="four-cornered cross" \/>/);
  assert.match(all, /Call me Ishmael\./);
  const nav = await epub.text('OEBPS/toc.xhtml');
  // The chapters are the contents list's top level; their headings are nested deeper.
  assert.equal(navContents(nav).length, 139);
  for (const landmark of ['cover', 'titlepage', 'toc', 'bodymatter']) assert.match(nav, new RegExp(`<a epub:type="${landmark}" href=`), landmark);
  const ncx = await epub.text('OEBPS/toc.ncx');
  assert.equal((ncx.match(/<navPoint /g) ?? []).length >= 139, true, 'the NCX lists every chapter');
  assert.match(opf, /<spine toc="ncx">/);
});

test('the Moby-Dick PDF is 6 × 9 in, tagged, with real embedded faces and its metadata', () => {
  const file = path.join(out, 'moby-dick.pdf');
  const info = assertPrintPdf(file, { title: 'Moby Dick: Or, The Whale', author: 'Herman Melville' });
  assert.ok(Number(info.Pages) > 400, `${info.Pages} pages`);
  const text = pdfText(file);
  assert.match(text, /Call\s+me\s+Ish-?\s*mael\./, 'the first line of chapter one, maybe hyphenated');
  assert.ok(text.includes('Loomings'));
  assert.ok(text.includes('Epilogue'));
});

test('the PDF reads as a book: recto openings, a true contents, folios and running heads', async () => {
  const { book } = await loadBook(mobyDickManuscript);
  const shares = assertBookLayout(path.join(out, 'moby-dick.pdf'), { title: book.config.title, chapters: book.chapters.map((chapter) => chapter.title) });
  assert.ok(shares.folios >= 0.9 && shares.heads >= 0.8);
});

test('the EPUB page list follows the print edition: p. N in the EPUB is p. N in the PDF', async () => {
  const { listed, pages } = await assertPageListMatchesPrint(path.join(out, 'moby-dick.epub'), path.join(out, 'moby-dick.pdf'));
  assert.ok(listed >= 0.8 * pages);
  const opf = await (await readEpub(path.join(out, 'moby-dick.epub'))).text('OEBPS/content.opf');
  assert.match(opf, /<meta refines="#pagination-source" property="source-of">pagination<\/meta>/);
  assert.match(opf, /<meta property="schema:accessibilityFeature">pageBreakMarkers<\/meta>/);
});
