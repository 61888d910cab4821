import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertPageListMatchesPrint } from './helpers/page-list-check.ts';
import { projectRoot } from './helpers/paths.ts';
import { medianHeight } from './helpers/print-fidelity.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';
import { epubcheckJava } from './helpers/validate-epub.ts';
import { wordBoxes } from './helpers/word-boxes.ts';

const fixtures = path.join(projectRoot, 'tests/fixtures/wide-content');

/** Builds fixture `name` into a fresh folder and returns where its outputs are, with what the command printed. */
function built(name: string, slug: string, formats = 'epub,pdf') {
  const out = tempDir();
  const run = runCli(['build', '--manuscript', path.isAbsolute(name) ? name : path.join(fixtures, name), '--out', out, '--format', formats]);
  assert.equal(run.status, 0, run.stderr);
  return { pdf: path.join(out, `${slug}.pdf`), epub: path.join(out, `${slug}.epub`), stderr: run.stderr };
}

/** Words found only in the fixtures' body paragraphs, never in a title, a heading or code. */
const proseOnly = new Set(['harbour', 'ledgers', 'clerk', 'customs', 'shutters', 'morning', 'spring', 'repainted']);

/** The median height of the body text's word boxes, in points. */
const bodyHeight = (file: string) => medianHeight(wordBoxes(file).flatMap((page) => page.words).filter((word) => proseOnly.has(word.text.replace(/[,.]$/, ''))));

const narrow = built('narrow', 'ledgers-of-the-harbour');
const wide = built('wide', 'ledgers-of-the-wide-harbour');

test('a book with long code lines, a long URL, a wide table and a sizeless image prints its body at the size of one without them', () => {
  const plain = bodyHeight(narrow.pdf);
  const withWideThings = bodyHeight(wide.pdf);
  assert.ok(plain > 13, `the body's word boxes are ${plain.toFixed(2)} pt high`);
  assert.ok(Math.abs(withWideThings - plain) < 0.05, `word boxes ${withWideThings.toFixed(2)} pt high against ${plain.toFixed(2)} pt: the page was scaled`);
});

test('nothing is printed past the text block: every word box lies within the margins', () => {
  // A code line wrapped at a space is whole: nothing is reported cut.
  assert.doesNotMatch(wide.stderr, /wider-than-page/);
  // The narrowest margin of a 6 × 9 in page is 0.6 in (43.2 pt).
  for (const { page, width, words } of wordBoxes(wide.pdf)) {
    for (const word of words) {
      assert.ok(word.xMin >= 43.2 - 1 && word.xMax <= width - 43.2 + 1, `"${word.text}" on page ${page} spans ${word.xMin.toFixed(1)}–${word.xMax.toFixed(1)} pt of ${width} pt`);
    }
  }
});

test('every code line is whole in the PDF text, wrapped rather than cut', () => {
  const source = readFileSync(path.join(fixtures, 'wide/02-tools.md'), 'utf8');
  const code = [...source.matchAll(/```[^\n]*\n([\s\S]*?)```/g)].flatMap((block) => block[1]!.split('\n'));
  const printed = execFileSync('pdftotext', ['-raw', wide.pdf, '-'], { encoding: 'utf8' }).replace(/[\s\u00AD]+/g, '');
  const lines = code.map((line) => line.replace(/\s+/g, '')).filter(Boolean);
  assert.ok(lines.some((line) => line.length > 150), 'the fixture has lines far wider than the page');
  for (const line of lines) assert.ok(printed.includes(line), `the PDF has the whole line ${line.slice(0, 60)}…`);
});

test('a table of few columns is set by its headers: each header word is whole, so it gives its column a width', () => {
  const words = new Set(wordBoxes(wide.pdf).flatMap((page) => page.words.map((word) => word.text)));
  for (const header of ['Register', 'Meaning', 'Countersigned']) assert.ok(words.has(header), `"${header}" is printed whole`);
});

test('the EPUB of the wide book is valid and its page list matches the PDF', async () => {
  const check = epubcheckJava(wide.epub);
  assert.equal(check.errors, 0, check.report);
  await assertPageListMatchesPrint(wide.epub, wide.pdf);
});

test('a table wider than the page even at its smallest is cut at the margin and reported where it was written, never shrinking the book', () => {
  const { pdf, stderr } = built(path.join(projectRoot, 'tests/fixtures/rules/wider-than-page/manuscript'), 'an-impossible-table', 'pdf');
  assert.match(stderr, /01-table\.md:5:1: warning: A table is [\d.]+ mm wider than the printed text block; the PDF cuts it at the margin \[wider-than-page\]/);
  const words = wordBoxes(pdf).flatMap((page) => page.words);
  assert.ok(words.some((word) => /^C+$/.test(word.text)), 'the table is printed');
  assert.ok(Math.abs(bodyHeight(pdf) - bodyHeight(narrow.pdf)) < 0.05, 'the prose keeps its size');
});
