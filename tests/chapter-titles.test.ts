/**
 * Chapter titles of books written the ways real manuscripts come: every file opening with
 * the book's title as `#` and its own as `##`; files written from `##` down, one with no
 * heading at all, one with a pandoc title block. Built through the command line and read
 * back: the EPUB's nav and NCX, its chapter documents, the print contents and running
 * heads (pdftotext), and the diagnostics printed.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertValidEpub } from './helpers/book-checks.ts';
import { fixturesDir } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { navContents } from './helpers/read-nav.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const books = path.join(fixturesDir, 'books');

/** The located diagnostics a build printed, with the manuscript folder taken off their paths. */
function diagnostics(stderr: string, manuscript: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => /:\d+:\d+: (error|warning): /.test(line))
    .map((line) => line.slice(line.indexOf(path.basename(manuscript)) + path.basename(manuscript).length + 1));
}

/** The titles of the EPUB nav's contents (chapters only), and the NCX's labels. */
async function contentsOf(epub: string): Promise<{ nav: string[]; ncx: string[]; read: Awaited<ReturnType<typeof readEpub>> }> {
  const read = await readEpub(epub);
  const nav = await read.text('OEBPS/toc.xhtml');
  const ncx = await read.text('OEBPS/toc.ncx');
  return {
    // The chapters: the list's top level (the headings below each are nested deeper).
    nav: navContents(nav).map((entry) => entry.title),
    ncx: [...ncx.matchAll(/<navLabel><text>([^<]*)<\/text>/g)].map((match) => match[1]!),
    read,
  };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a book whose every file opens with the book title as `#` is titled by each file’s `##`, in the body, the contents and the running heads', async () => {
  const manuscript = path.join(books, 'one-document');
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub,pdf', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(diagnostics(run.stderr, manuscript), [
    '01-arrival.md:1:1: warning: This heading repeats the book\'s title and is left out: the chapter is titled by its first `##`, “Arrival” [book-title-heading]',
    '02-storm.md:1:1: warning: This heading repeats the book\'s title and is left out: the chapter is titled by its first `##`, “The Storm” [book-title-heading]',
  ]);
  const epub = path.join(out, 'the-lighthouse-keeper.epub');
  const { nav, ncx, read } = await contentsOf(epub);
  assert.deepEqual(nav, ['Arrival', 'The Storm']);
  assert.deepEqual(ncx, ['Arrival', 'The steps', 'The Storm', 'Watch']);
  const arrival = await read.text('OEBPS/01-arrival.xhtml');
  assert.match(arrival, /<title>Arrival<\/title>/);
  assert.match(arrival, /<h1 id="arrival">Arrival<\/h1>/);
  assert.match(arrival, /<h2 id="the-steps">The steps<\/h2>/, 'the headings under the title move up a level with it');
  assert.doesNotMatch(arrival, /Lighthouse Keeper/, 'the repeated book title is not printed in the chapter');
  await assertValidEpub(epub);

  const text = pdfText(path.join(out, 'the-lighthouse-keeper.pdf'));
  assert.match(text, /^Arrival[ .]+1$/m);
  assert.match(text, /^The Storm[ .]+3$/m);
  const pages = text.split('\f');
  const opening = pages.findIndex((page) => /^\s*Arrival\s*$/m.test(page) && !/Contents/.test(page));
  assert.ok(opening > 0 && !/Lighthouse Keeper/.test(pages[opening]!), 'the chapter opens with its own title, not the book’s');
  const heads = pages.map((page) => page.split('\n').find((line) => line.trim() !== '')?.trim());
  assert.ok(heads.includes('The Storm'), `a recto of the long chapter is headed by its title: ${JSON.stringify(heads)}`);
});

test('files written from `##` are titled by it, a file with no heading shows none and is listed by its first words, a title block is front matter, and repeated titles are warned of', async () => {
  const manuscript = path.join(books, 'from-level-two');
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub,pdf', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(diagnostics(run.stderr, manuscript).sort(), [
    'chapter-2.md:2:1: warning: The title block\'s author and date are not used: a chapter takes them from `book.yaml` (`author`, `date`) [title-block]',
    'chapter-3.md:1:1: warning: Chapter title “The First Night” is also the title of `chapter-1.md`: readers cannot tell them apart in the contents [duplicate-title]',
    'frontispiece.md:1:1: warning: Chapter has no title: add `title:` to its front matter or a `# Heading`; the contents list it as “For my grandmother, who kept the…” [missing-title]',
  ]);
  const epub = path.join(out, 'notes-from-the-rock.epub');
  const { nav, ncx, read } = await contentsOf(epub);
  const titles = ['For my grandmother, who kept the…', 'The First Night', 'The Keeper’s Log', 'The First Night'];
  assert.deepEqual(nav, titles);
  assert.deepEqual(ncx, [titles[0], titles[1], 'The lens', titles[2], titles[3]]);
  const frontispiece = await read.text('OEBPS/frontispiece.xhtml');
  assert.doesNotMatch(frontispiece, /<h1/, 'a chapter with no title shows none');
  assert.doesNotMatch(frontispiece, /frontispiece<|>frontispiece/i, 'nor its file name');
  const first = await read.text('OEBPS/chapter-1.xhtml');
  assert.match(first, /<h1 id="the-first-night">[^]*The First Night<\/h1>/);
  const log = await read.text('OEBPS/chapter-2.xhtml');
  assert.match(log, /<h1>[^]*The Keeper’s Log<\/h1>/);
  assert.doesNotMatch(log, /%|Ewan Quill|1901/, 'the title block is not printed');
  for (const name of read.names.filter((entry) => entry.endsWith('.xhtml') || entry.endsWith('.ncx'))) {
    assert.doesNotMatch(await read.text(name), />\s*(chapter-\d|frontispiece)\s*</, `${name} prints no file name as a title`);
  }
  await assertValidEpub(epub);

  const text = pdfText(path.join(out, 'notes-from-the-rock.pdf'));
  assert.match(text, /^For my grandmother, who kept the…[ .]+1$/m);
  assert.match(text, /^The Keeper’s Log[ .]+5$/m);
  assert.doesNotMatch(text, /chapter-\d|frontispiece|% The Keeper/);
});

test('a changed book title is not served from the caches: the files’ `#` is kept again, and then every chapter has one title', async () => {
  const manuscript = path.join(tempDir(), 'one-document');
  cpSync(path.join(books, 'one-document'), manuscript, { recursive: true });
  const env = { QUIRE_CACHE_DIR: tempDir('quire-cache-') };
  const out = tempDir();
  assert.equal(runCli(['build', '--format', 'epub,pdf', '--manuscript', manuscript, '--out', out], env).status, 0);

  const yaml = path.join(manuscript, 'book.yaml');
  writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('title: "The Lighthouse Keeper"', 'title: "Keeping the Light"'));
  const run = runCli(['build', '--format', 'epub,pdf', '--manuscript', manuscript, '--out', out], env);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(diagnostics(run.stderr, manuscript), [
    '02-storm.md:1:1: warning: Chapter title “The Lighthouse Keeper” is also the title of `01-arrival.md`: readers cannot tell them apart in the contents [duplicate-title]',
  ]);
  const { nav, read } = await contentsOf(path.join(out, 'keeping-the-light.epub'));
  assert.deepEqual(nav, ['The Lighthouse Keeper', 'The Lighthouse Keeper']);
  const arrival = await read.text('OEBPS/01-arrival.xhtml');
  assert.match(arrival, /<h1 id="the-lighthouse-keeper">The Lighthouse Keeper<\/h1>\s*<h2 id="arrival">Arrival<\/h2>/);
  const text = pdfText(path.join(out, 'keeping-the-light.pdf'));
  assert.match(text, /^\s*The Lighthouse Keeper\s*\n\s*Arrival\s*$/m, 'the print chapter is rendered again too');
});
