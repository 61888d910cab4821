/**
 * A book's own stylesheet (`styles:` in book.yaml): layered after the templates' styles in
 * the EPUB, the web edition and the PDF, with the images it uses shipped beside it; and,
 * being untrusted input, refused at its place when it would import, reach the network or
 * leave the manuscript, with nothing written.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import { parseBook } from '../scripts/parse/parse-book.ts';
import { assertValidEpub } from './helpers/book-checks.ts';
import { countPixels, pagePixels } from './helpers/page-pixels.ts';
import { fixturesDir } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runCliAsync, tempDir, type CliRun } from './helpers/run-cli.ts';
import { wordBoxes } from './helpers/word-boxes.ts';

const manuscript = path.join(fixturesDir, 'books/styled');
const red = ([r, g, b]: [number, number, number]) => r > 150 && g < 80 && b < 80;

let out: string;
let run: CliRun;

before(async () => {
  out = tempDir();
  run = await runCliAsync(['build', '--manuscript', manuscript, '--out', out]);
});

/** A copy of the styled book whose `custom.css` is `css`, and whose `styles:` is `styles`. */
function styledCopy(css: string, styles = '[custom.css]'): string {
  const dir = path.join(tempDir(), 'manuscript');
  cpSync(manuscript, dir, { recursive: true });
  writeFileSync(path.join(dir, 'custom.css'), css);
  const yaml = path.join(dir, 'book.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('styles: [custom.css]', `styles: ${styles}`));
  return dir;
}

/** The messages of parsing the book in `dir`, errors or warnings, as `file line:column rule`. */
async function messagesOf(dir: string, fatal: boolean): Promise<string[]> {
  const { files } = await parseBook(dir);
  return files.flatMap((file) => file.messages.filter((message) => Boolean(message.fatal) === fatal).map((message) => `${path.relative(dir, file.path)} ${message.line}:${message.column} ${message.ruleId}`));
}

test('the EPUB carries the stylesheet and the image it uses, links it after the templates\' style from every document, and is valid', async () => {
  assert.equal(run.status, 0, run.stderr);
  const epubFile = path.join(out, 'a-styled-book.epub');
  const epub = await readEpub(epubFile);
  assert.match(await epub.text('OEBPS/book-styles/custom.css'), /h1 \{ color: rgb\(200, 0, 0\) \}/);
  // The image's URL now leads from the sheet's place in the package to the image's.
  assert.match(await epub.text('OEBPS/book-styles/custom.css'), /url\("\.\.\/images\/ornament\.svg"\)/);
  assert.ok(epub.names.includes('OEBPS/images/ornament.svg'));
  const opf = await epub.text('OEBPS/content.opf');
  assert.match(opf, /<item id="book-style-1" href="book-styles\/custom.css" media-type="text\/css"\/>/);
  assert.match(opf, /href="images\/ornament.svg" media-type="image\/svg\+xml"/);
  const documents = epub.names.filter((name) => name.endsWith('.xhtml'));
  assert.ok(documents.includes('OEBPS/01-opening.xhtml') && documents.includes('OEBPS/toc.xhtml'));
  for (const name of documents) {
    assert.match(await epub.text(name), /href="style.css"\/>\n<link rel="stylesheet" type="text\/css" href="book-styles\/custom.css"\/>/, name);
  }
  await assertValidEpub(epubFile);
});

test('every page of the web edition links the stylesheet after the templates\' styles', () => {
  assert.equal(run.status, 0, run.stderr);
  const html = path.join(out, 'html');
  assert.match(readFileSync(path.join(html, 'book-styles/custom.css'), 'utf8'), /color: rgb\(200, 0, 0\)/);
  assert.ok(readdirSync(path.join(html, 'images')).includes('ornament.svg'));
  for (const page of ['index.html', '01-opening.html', '02-closing.html', 'print.html']) {
    const text = readFileSync(path.join(html, page), 'utf8');
    assert.match(text, /<link rel="stylesheet" href="styles\/(web|print)\.css" \/>\n<link rel="stylesheet" href="book-styles\/custom.css" \/>/, page);
  }
});

test('the PDF prints the chapter headings red, and only them', () => {
  assert.equal(run.status, 0, run.stderr);
  const pdf = path.join(out, 'a-styled-book.pdf');
  const pages = wordBoxes(pdf);
  for (const [heading, bodyWord] of [['Opening', 'colours'], ['Closing', 'last']]) {
    const page = pages.find((candidate) => candidate.words.some((word) => word.text === bodyWord))!;
    assert.ok(page, `a page holds “${bodyWord}”`);
    const title = page.words.find((word) => word.text === heading)!;
    const body = page.words.find((word) => word.text === bodyWord)!;
    const pixels = pagePixels(pdf, page.page);
    assert.ok(countPixels(pixels, title, red) > 5, `“${heading}” on page ${page.page} is red`);
    assert.equal(countPixels(pixels, body, red), 0, `“${bodyWord}” on page ${page.page} is not`);
  }
});

test('an @import in a stylesheet is an error at its place, and nothing is written', async () => {
  const dir = styledCopy('@import url("file:///etc/passwd");\nh1 { color: rgb(200, 0, 0) }\n');
  const failedOut = tempDir();
  writeFileSync(path.join(failedOut, 'keep.txt'), 'an earlier build\n');
  const failed = await runCliAsync(['build', '--manuscript', dir, '--out', failedOut]);
  assert.equal(failed.status, 1, failed.stderr);
  assert.match(failed.stderr, /custom\.css:1:1: error: `@import` is not allowed: .* \[stylesheet-import\]/);
  assert.deepEqual(readdirSync(failedOut), ['keep.txt']);
});

test('a url() to the network is an error at its line and column, and nothing is written', async () => {
  const dir = styledCopy('h1 { color: rgb(200, 0, 0) }\n\nhr {\n  background: url("http://example.com/x.png");\n}\n');
  const failedOut = tempDir();
  const failed = await runCliAsync(['build', '--manuscript', dir, '--out', failedOut]);
  assert.equal(failed.status, 1, failed.stderr);
  assert.match(failed.stderr, /custom\.css:4:15: error: `http:\/\/example\.com\/x\.png`: a stylesheet may not load anything from the network.* \[remote-resource\]/);
  assert.deepEqual(readdirSync(failedOut), []);
});

test('every way out of the manuscript, and every legacy way to run script, is a located error', async () => {
  const dir = styledCopy(
    [
      '@namespace url(http://www.w3.org/1999/xhtml);',
      'p { background: url(../../secret.png), url(/etc/passwd), url("//host/x.png"), url(data:image/png;base64,AAAA), url(#mask); }',
      'q { b: image-set("https://host/a.png" 1x); c: src("images/gone.woff2"); d: url(book.yaml); }',
      'r { width: ex\\70ression(alert(1)); behavior: url(a.htc); -moz-binding: none; e: url(javascript:alert(1)); }',
      '@\\69mport "other.css";',
    ].join('\n'),
  );
  assert.deepEqual(await messagesOf(dir, true), [
    'custom.css 2:17 resource-outside-manuscript',
    'custom.css 2:40 resource-outside-manuscript',
    'custom.css 2:58 remote-resource',
    'custom.css 3:18 remote-resource',
    'custom.css 3:47 missing-resource',
    'custom.css 3:76 unsupported-resource',
    'custom.css 4:12 unsafe-css',
    'custom.css 4:36 unsafe-css',
    'custom.css 4:46 missing-resource',
    'custom.css 4:58 unsafe-css',
    'custom.css 4:81 invalid-url',
    'custom.css 5:1 stylesheet-import',
  ]);
});

test('a stylesheet in a folder ships with its URLs leading to the files it names', async () => {
  const dir = styledCopy('h1 { color: rgb(200, 0, 0) }\n', '[custom.css, css/more.css]');
  mkdirSync(path.join(dir, 'css'));
  writeFileSync(path.join(dir, 'css/more.css'), 'hr { background: url(../images/ornament.svg?v=2#dot) }\n');
  const { book } = await loadBook(dir);
  assert.deepEqual(book.styles.map((style) => [style.href, style.assets]), [['book-styles/custom.css', []], ['book-styles/css/more.css', ['images/ornament.svg']]]);
  assert.equal(book.styles[1]!.css, 'hr { background: url(../../images/ornament.svg#dot) }\n');
  assert.ok(book.assets.has('images/ornament.svg'));
});

test('styles: in book.yaml lists CSS files in the manuscript, each checked at its place', async () => {
  const dir = styledCopy('h1 { color: red }\n', '[custom.css, gone.css, notes.txt, ../outside.css, 42]');
  writeFileSync(path.join(dir, 'notes.txt'), 'not a stylesheet\n');
  assert.deepEqual(await messagesOf(dir, true), [
    'book.yaml 6:22 missing-stylesheet',
    'book.yaml 6:32 not-a-stylesheet',
    'book.yaml 6:43 resource-outside-manuscript',
    'book.yaml 6:59 invalid-value',
  ]);
});

test('CSS that does not parse is a located warning, and the book still builds', async () => {
  const dir = styledCopy('h1 { color: rgb(200, 0, 0) }\np { color: ; ]] }\n');
  const { book } = await loadBook(dir);
  assert.equal(book.styles.length, 1);
  const warnings = await messagesOf(dir, false);
  assert.ok(warnings.length > 0 && warnings.every((warning) => /^custom\.css 2:\d+ invalid-css$/.test(warning)), warnings.join('\n'));
});
