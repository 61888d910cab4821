/**
 * Untrusted manuscripts stay contained. The adversarial book (tests/fixtures/adversarial,
 * one chapter per class of attack) points every attack at a TCP listener on 127.0.0.1 and
 * at a file outside the manuscript. It must build with a located warning per removal, run
 * no script, open no connection, read nothing outside the manuscript, and keep its safe
 * text in the EPUB and the PDF. Regenerate the expected warnings with `UPDATE_EXPECTED=1`.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { containPage } from '../scripts/browser/contain-page.ts';
import { launchBrowser } from '../scripts/browser/launch-browser.ts';
import { adversarialFixture, prepareAdversarialBook, type AdversarialBook } from './helpers/adversarial-book.ts';
import { projectRoot } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { pdfText } from './helpers/read-pdf.ts';
import { runCliAsync, tempDir, type CliRun } from './helpers/run-cli.ts';
import { openTcpListener, type TcpListener } from './helpers/tcp-listener.ts';
import { epubcheckTs } from './helpers/validate-epub.ts';
import { xmlError } from './helpers/xml-well-formed.ts';

/** Markup that must not survive anywhere in a chapter's body. */
const activeMarkup = /<(script|style|iframe|object|embed|link|base|meta|form|button|svg|math|video|audio|source|picture|noscript|template|textarea)\b|\son[a-z]+=|\sstyle=|\ssrcset=|\sping=|(javascript|vbscript|data):/i;

let listener: TcpListener;
let book: AdversarialBook;
let out: string;
let run: CliRun;

before(async () => {
  listener = await openTcpListener();
  // The listener works: a connection made on purpose is seen, then forgotten.
  await new Promise<void>((resolve) => net.connect(listener.port, '127.0.0.1').on('connect', function (this: net.Socket) {
    this.end('PROBE\r\n', resolve);
  }));
  while (listener.connections[0] !== 'PROBE') await new Promise((resolve) => setImmediate(resolve));
  listener.connections.length = 0;
  book = prepareAdversarialBook(listener.port);
  out = tempDir();
  run = await runCliAsync(['build', '--manuscript', book.manuscript, '--out', out]);
});

after(() => listener.close());

test('the adversarial book builds, with a located warning for every removal', () => {
  assert.equal(run.status, 0, run.stderr);
  const located = run.stderr
    .split('\n')
    .filter((line) => / \[[a-z-]+\]$/.test(line))
    .map((line) => line.replace(path.relative(projectRoot, book.manuscript), 'manuscript').replaceAll(`127.0.0.1:${listener.port}`, '127.0.0.1:{{PORT}}'));
  const expectedFile = path.join(adversarialFixture, 'expected.txt');
  if (process.env.UPDATE_EXPECTED) writeFileSync(expectedFile, `${located.join('\n')}\n`);
  assert.deepEqual(located, readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean));
  assert.ok(located.every((line) => /: warning: .* \[(unsafe-html|unsafe-link)\]$/.test(line)), 'only unsafe-html and unsafe-link warnings');
  for (const chapter of readdirSync(book.manuscript).filter((name) => /^0[1-6]/.test(name))) {
    assert.ok(located.some((line) => line.startsWith(`manuscript/${chapter}:`)), `${chapter} has warnings`);
  }
});

test('no connection was opened while building the EPUB and the PDF', () => {
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(listener.connections, []);
});

test('the EPUB keeps the safe text and nothing active, and every document is well-formed XML', async () => {
  const epub = await readEpub(path.join(out, 'an-adversarial-book.epub'));
  const chapters = epub.names.filter((name) => /^OEBPS\/0\d-.*\.xhtml$/.test(name));
  assert.equal(chapters.length, 7);
  let text = '';
  for (const name of epub.names.filter((entry) => entry.endsWith('.xhtml'))) {
    const xhtml = await epub.text(name);
    assert.equal(xmlError(xhtml), undefined, name);
    const body = xhtml.slice(xhtml.indexOf('<body'));
    assert.doesNotMatch(body, activeMarkup, name);
    text += body;
  }
  for (const marker of book.keptMarkers) assert.ok(text.includes(marker), `${marker} is in the EPUB`);
  assert.ok(!text.includes('PWNED'), 'no attack payload text');
  assert.ok(!text.includes(book.secret), 'nothing from outside the manuscript');
  const validation = await epubcheckTs(path.join(out, 'an-adversarial-book.epub'));
  assert.equal(validation.errors, 0, validation.report);
});

test('the PDF keeps the safe text, and no script changed it', () => {
  const text = pdfText(path.join(out, 'an-adversarial-book.pdf'));
  for (const marker of book.keptMarkers) assert.ok(text.includes(marker), `${marker} is in the PDF`);
  assert.ok(!text.includes('PWNED'), 'no script ran and no payload text was printed');
  assert.ok(!text.includes(book.secret), 'nothing from outside the manuscript');
});

test('a remote or escaping image in raw HTML is an error and nothing is fetched or written', async () => {
  const manuscript = prepareAdversarialBook(listener.port).manuscript;
  writeFileSync(
    path.join(manuscript, '08-images.md'),
    `# Images\n\n<img src="http://127.0.0.1:${listener.port}/remote.png" alt="Remote.">\n\n<p><img src="../secret.txt" alt="Secret."></p>\n`,
  );
  const failedOut = tempDir();
  const failed = await runCliAsync(['build', '--manuscript', manuscript, '--out', failedOut]);
  assert.equal(failed.status, 1, failed.stderr);
  assert.match(failed.stderr, /08-images\.md:3:1: error: Image `http:\/\/127\.0\.0\.1:\d+\/remote\.png`: remote files are never fetched .* \[remote-resource\]/);
  assert.match(failed.stderr, /08-images\.md:5:4: error: Image `\.\.\/secret\.txt`: the path leads outside the manuscript folder \[resource-outside-manuscript\]/);
  assert.deepEqual(readdirSync(failedOut), []);
  assert.deepEqual(listener.connections, []);
});

test('second line of defence: Chromium under containPage runs no script and fetches nothing', async (t) => {
  // A page that skipped the sanitiser altogether: the browser itself must still hold.
  const dir = tempDir();
  const outside = tempDir();
  writeFileSync(path.join(outside, 'outside.css'), 'body { background: red; }');
  const page = path.join(dir, 'page.html');
  writeFileSync(
    page,
    `<!DOCTYPE html><html><head><title>original</title>
<link rel="stylesheet" href="http://127.0.0.1:${listener.port}/link.css">
<link rel="stylesheet" href="${pathToFileURL(path.join(outside, 'outside.css')).href}">
<style>@import url("http://127.0.0.1:${listener.port}/import.css");</style>
<script>document.title = 'PWNED'; fetch('http://127.0.0.1:${listener.port}/script');</script></head>
<body><img src="http://127.0.0.1:${listener.port}/img.png"><iframe src="http://127.0.0.1:${listener.port}/frame"></iframe>
<p style="background: url('http://127.0.0.1:${listener.port}/bg.png')">text</p></body></html>`,
  );
  const session = await launchBrowser();
  t.after(() => session.close());
  const tab = await session.browser.newPage();
  const refused: string[] = [];
  await containPage(tab, [dir]);
  tab.on('requestfailed', (request) => refused.push(request.url()));
  await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
  assert.equal(await tab.title(), 'original', 'the script did not run');
  assert.ok(refused.some((url) => url.endsWith('/img.png')), 'the image request was refused');
  assert.ok(refused.some((url) => url.endsWith('outside.css')), 'the file outside the allowed folders was refused');
  assert.equal(await tab.evaluate('getComputedStyle(document.body).backgroundColor'), 'rgba(0, 0, 0, 0)', 'the outside style sheet was not applied');
  assert.deepEqual(listener.connections, []);
});
