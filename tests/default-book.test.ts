/**
 * The default book in manuscript/, built end to end through the command line into all
 * three formats, then read back: the EPUB unzipped and validated, the PDF read with poppler.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { defaultManuscript } from './helpers/paths.ts';
import { assertPrintPdf, assertValidEpub } from './helpers/book-checks.ts';
import { readEpub } from './helpers/read-epub.ts';
import { assertBookLayout } from './helpers/printed-book.ts';
import { assertPageListMatchesPrint } from './helpers/page-list-check.ts';
import { loadBook } from '../scripts/parse/load-book.ts';
import { pdfInfo, pdfText } from './helpers/read-pdf.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const slug = 'the-commissar-who-crossed-over';
let out: string;
let printed: string;

before(() => {
  out = tempDir();
  const run = runCli(['build', '--manuscript', defaultManuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr + run.stdout);
  assert.equal(run.stderr, '', 'the default book builds without a warning');
  printed = run.stdout;
});

test('outside a terminal the build prints a plain line per stage, then every output with its size, the words, the pages and the time', () => {
  const lines = printed.split('\n');
  for (const line of ['  parsed 9 chapters', '  rendered HTML', '  packed EPUB']) assert.ok(lines.includes(line), printed);
  assert.ok(!printed.includes('\r') && !printed.includes('\x1b'), 'no terminal control characters');
  const pages = pdfInfo(path.join(out, `${slug}.pdf`)).Pages;
  assert.match(printed, new RegExp(`^  printed ${pages} pages$`, 'm'));
  assert.match(printed, new RegExp(`^epub  .*${slug}\\.epub \\(\\d+ kB\\)$`, 'm'));
  assert.match(printed, new RegExp(`^built "The Commissar Who Crossed Over" \\([\\d,]+ words, ${pages} pages\\) in \\d+\\.\\d s$`, 'm'));
});

test('the build writes the EPUB, the PDF and the HTML, and nothing else', () => {
  assert.deepEqual(readdirSync(out).sort(), ['html', `${slug}.epub`, `${slug}.pdf`]);
  for (const page of ['index.html', 'print.html', 'introduction.html', 'glossary.html', 'images/chain-of-command.svg', 'fonts/fonts.css']) {
    assert.ok(existsSync(path.join(out, 'html', page)), page);
  }
});

test('the EPUB passes epubcheck-ts and EPUBCheck 4.2.6 with no errors and no warnings', async () => {
  await assertValidEpub(path.join(out, `${slug}.epub`));
});

test('the EPUB has a cover, a title page, a copyright page, notes, a figure, a table and a glossary', async () => {
  const epub = await readEpub(path.join(out, `${slug}.epub`));
  const opf = await epub.text('OEBPS/content.opf');
  assert.match(opf, /<item id="cover-image" href="images\/cover.jpg" media-type="image\/jpeg" properties="cover-image"\/>/);
  assert.match(opf, /<dc:identifier id="pub-id">urn:uuid:05061967-5c6a-4a51-81d0-a07e81230d90<\/dc:identifier>/);
  assert.match(await epub.text('OEBPS/titlepage.xhtml'), /epub:type="titlepage"[\s\S]*The Commissar Who Crossed Over/);
  assert.match(await epub.text('OEBPS/copyright.xhtml'), /Copyright © 2026 Quire Editions/);
  const chapters = await Promise.all(
    epub.names.filter((name) => /^OEBPS\/[^/]+\.xhtml$/.test(name)).map((name) => epub.text(name)),
  );
  const all = chapters.join('\n');
  assert.ok((all.match(/epub:type="noteref"/g) ?? []).length >= 6, 'at least six footnotes');
  assert.equal((all.match(/epub:type="noteref"/g) ?? []).length, (all.match(/epub:type="footnote"/g) ?? []).length);
  assert.match(all, /<figure><img src="images\/chain-of-command.svg" alt="[^"]{20,}" \/><figcaption>(<span [^>]*\/>)?Figure 1\./);
  assert.match(all, /<table>/);
  assert.match(all, /epub:type="glossary" role="doc-glossary"[\s\S]*<dt>Cheka<\/dt>/);
  assert.doesNotMatch(all, /[“”]\s*--|\s--\s/, 'smart typography left no double hyphens');
  const nav = await epub.text('OEBPS/toc.xhtml');
  assert.match(nav, /epub:type="toc"/);
  assert.match(nav, /epub:type="landmarks"/);
});

test('the PDF is 6 × 9 in, tagged, with real embedded faces and its metadata', () => {
  const info = assertPrintPdf(path.join(out, `${slug}.pdf`), {
    title: 'The Commissar Who Crossed Over: Genrikh Lyushkov and His Flight from the NKVD to Japan',
    author: 'The Quire Editors',
  });
  assert.equal(info.CreationDate, 'Mon Nov 24 16:00:00 2025 UTC');
  assert.ok(Number(info.Pages) > 15);
  const text = pdfText(path.join(out, `${slug}.pdf`));
  for (const heading of ['Contents', 'Introduction', 'Odessa to Moscow', 'Operation Bear', 'Glossary', 'Chronology']) {
    assert.ok(text.includes(heading), heading);
  }
  assert.ok(text.includes('Lyushkov'));
});

test('two builds with the same SOURCE_DATE_EPOCH give the same EPUB and PDF bytes', () => {
  const again = tempDir();
  const run = runCli(['build', '--format', 'epub,pdf', '--quiet', '--manuscript', defaultManuscript, '--out', again]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '', '--quiet prints nothing');
  for (const name of [`${slug}.epub`, `${slug}.pdf`]) {
    assert.ok(readFileSync(path.join(out, name)).equals(readFileSync(path.join(again, name))), name);
  }
  assert.equal(pdfInfo(path.join(again, `${slug}.pdf`)).Pages, pdfInfo(path.join(out, `${slug}.pdf`)).Pages);
});

test('the PDF reads as a book: recto openings, a true contents, folios and running heads', async () => {
  const { book } = await loadBook(defaultManuscript);
  const shares = assertBookLayout(path.join(out, `${slug}.pdf`), { title: book.config.title, chapters: book.chapters.map((chapter) => chapter.title) });
  assert.ok(shares.folios >= 0.9 && shares.heads >= 0.8);
});

test('the EPUB page list follows the print edition: p. N in the EPUB is p. N in the PDF', async () => {
  const { listed, pages } = await assertPageListMatchesPrint(path.join(out, `${slug}.epub`), path.join(out, `${slug}.pdf`));
  assert.ok(listed >= 0.8 * pages);
  const opf = await (await readEpub(path.join(out, `${slug}.epub`))).text('OEBPS/content.opf');
  assert.match(opf, /<meta refines="#pagination-source" property="source-of">pagination<\/meta>/);
  assert.match(opf, /<meta property="schema:accessibilityFeature">pageBreakMarkers<\/meta>/);
});
