/**
 * `page-list: none`: an EPUB without the print edition's page list, for a book with no
 * print edition, built without a browser; `print` (the default) is covered by the
 * default book's and Moby-Dick's tests.
 */
import assert from 'node:assert/strict';
import { appendFileSync, cpSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertValidEpub } from './helpers/book-checks.ts';
import { defaultManuscript, fixturesDir } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

test('with page-list: none, an EPUB builds with no browser at all, valid and with no page list or page breaks', async () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  cpSync(path.join(defaultManuscript, 'images/cover.jpg'), path.join(manuscript, 'images/cover.jpg'));
  appendFileSync(path.join(manuscript, 'book.yaml'), 'cover-image: images/cover.jpg\npage-list: none\n');
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' });
  assert.equal(run.status, 0, run.stderr);
  const file = path.join(out, 'a-minimal-book.epub');
  await assertValidEpub(file);
  const epub = await readEpub(file);
  const nav = await epub.text('OEBPS/toc.xhtml');
  assert.match(nav, /epub:type="toc"/);
  assert.doesNotMatch(nav, /page-list/);
  const documents = await Promise.all(epub.names.filter((name) => name.endsWith('.xhtml')).map((name) => epub.text(name)));
  assert.ok(documents.every((text) => !text.includes('epub:type="pagebreak"')));
  const opf = await epub.text('OEBPS/content.opf');
  assert.doesNotMatch(opf, /pageBreakMarkers|pageBreakSource/);
});

test('page-list takes print or none, and anything else is a located error', () => {
  const manuscript = path.join(tempDir(), 'manuscript');
  cpSync(path.join(fixturesDir, 'books/minimal'), manuscript, { recursive: true });
  appendFileSync(path.join(manuscript, 'book.yaml'), 'page-list: printed\n');
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', tempDir()]);
  assert.equal(run.status, 1);
  assert.match(run.stderr, /book\.yaml:11:12: error: `page-list` must be one of print, none \[invalid-value\]/);
});
