/**
 * The EPUB wrapper ships exactly what the toolchain renders: epub-gen-memory's sanitiser,
 * its random names and its clock never touch the result. Built from the minimal fixture,
 * which has what the library would rewrite: `start` on a list, `alt=""`, ids, `epub:type`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import type { Book } from '../scripts/book/types.ts';
import { SharedBrowser } from '../scripts/browser/shared-browser.ts';
import { pageBreaks, type PageBreak } from '../scripts/epub/page-list.ts';
import { renderEpubDocuments } from '../scripts/epub/render-epub.ts';
import { layOutBook } from '../scripts/pdf/render-pdf.ts';
import { fixturesDir } from './helpers/paths.ts';
import { stagePrint } from './helpers/staged-print.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';
import { epubcheckJava, epubcheckTs } from './helpers/validate-epub.ts';

const manuscript = path.join(fixturesDir, 'books/minimal');

test('every XHTML document in the EPUB is byte for byte what we rendered', async () => {
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const epub = await readEpub(path.join(out, 'a-minimal-book.epub'));
  const { book } = await loadBook(manuscript);
  const documents = renderEpubDocuments(book, { generatedCover: true, pageBreaks: await printPageBreaks(book) });
  assert.ok(documents.length >= 4);
  for (const document of documents) {
    assert.equal(await epub.text(`OEBPS/${document.filename}`), document.xhtml, document.filename);
  }
  const opening = await epub.text('OEBPS/01-opening.xhtml');
  assert.match(opening, /<ol start="3">/);
  assert.match(opening, /<span id="page-\d+" epub:type="pagebreak" role="doc-pagebreak" aria-label="\d+" \/>/);
  assert.match(opening, /<img src="images\/square.svg" alt="" role="presentation" \/>/);
  assert.doesNotMatch(opening, /image-placeholder/);
  // Images keep their manuscript names; nothing random, nothing fetched. The book names
  // no cover, so one is drawn; only the Latin faces of the book face are needed.
  assert.deepEqual(
    epub.names.filter((name) => !name.endsWith('/')).sort(),
    ['META-INF/container.xml', 'OEBPS/01-opening.xhtml', 'OEBPS/02-closing.xhtml', 'OEBPS/content.opf', 'OEBPS/copyright.xhtml',
      'OEBPS/cover.xhtml', 'OEBPS/fonts/eb-garamond-latin-400-italic.woff2', 'OEBPS/fonts/eb-garamond-latin-400-normal.woff2',
      'OEBPS/fonts/eb-garamond-latin-700-italic.woff2', 'OEBPS/fonts/eb-garamond-latin-700-normal.woff2', 'OEBPS/images/cover.jpg',
      'OEBPS/images/square.svg', 'OEBPS/style.css', 'OEBPS/titlepage.xhtml', 'OEBPS/toc.ncx', 'OEBPS/toc.xhtml', 'mimetype'],
  );
  assert.equal(await epub.text('OEBPS/images/square.svg'), readFileSync(path.join(manuscript, 'images/square.svg'), 'utf8'));
});

/** The print edition's page breaks, measured the way the build measures them. */
async function printPageBreaks(book: Book): Promise<PageBreak[]> {
  const staged = await stagePrint(book);
  const browser = new SharedBrowser();
  try {
    return pageBreaks(staged.body, (await layOutBook({ ...staged, browser, forPrint: false })).plan);
  } finally {
    await browser.close();
  }
}

test('the package carries our identifier and SOURCE_DATE_EPOCH, and the zip is deterministic', async () => {
  const first = tempDir();
  const second = tempDir();
  // The second build runs in another time zone, and takes its print layout from the cache
  // the first one filled: neither may change a byte.
  const cache = tempDir('quire-cache-');
  for (const [out, zone] of [[first, 'UTC'], [second, 'America/New_York']] as const) {
    const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out], { TZ: zone, QUIRE_CACHE_DIR: cache });
    assert.equal(run.status, 0, run.stderr);
  }
  assert.equal(readdirSync(path.join(cache, 'layout')).length, 3, 'the first build cached its print layout: the front pages and two chapters');
  const bytes = readFileSync(path.join(first, 'a-minimal-book.epub'));
  assert.ok(bytes.equals(readFileSync(path.join(second, 'a-minimal-book.epub'))), 'two builds give the same bytes');
  // The mimetype entry comes first, stored: the EPUB container's magic number.
  assert.equal(bytes.subarray(30, 38).toString(), 'mimetype');
  assert.equal(bytes.readUInt16LE(8), 0, 'mimetype is stored, not deflated');
  const epub = await readEpub(path.join(first, 'a-minimal-book.epub'));
  const opf = await epub.text('OEBPS/content.opf');
  assert.match(opf, /<dc:identifier id="pub-id">urn:uuid:7b0c7f5e-0b0a-4c3e-9f43-2f1c1d6b8a10<\/dc:identifier>/);
  assert.match(opf, /<meta property="dcterms:modified">2025-11-24T16:00:00Z<\/meta>/);
  assert.match(opf, /<dc:creator id="creator-2">Ben Example<\/dc:creator>/);
  assert.match(opf, /<dc:language>en-GB<\/dc:language>/);
  for (const entry of Object.values(epub.zip.files)) assert.equal(entry.date.toISOString(), '2025-11-24T16:00:00.000Z', entry.name);
});

test('the minimal book passes both EPUB validators with no errors and no warnings', async () => {
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const file = path.join(out, 'a-minimal-book.epub');
  const ts = await epubcheckTs(file);
  assert.deepEqual([ts.errors, ts.warnings], [0, 0], ts.report);
  const java = epubcheckJava(file);
  assert.deepEqual([java.errors, java.warnings], [0, 0], java.report);
});
