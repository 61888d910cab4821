/**
 * The kinds of book real users bring (tests/fixtures/corpus/: wide code, wide and long
 * tables, CJK and right-to-left scripts, SVGs and raw HTML from other tools, poetry with
 * hard breaks, and 40 chapters in nested folders written by the test), built in one catalog
 * command with the default book as a user would, then held to the product's promises,
 * reading the outputs back: both EPUBCheck versions find no error; body text is set at the
 * default book's size (no page scaled down to fit something wide); every code line is
 * printed whole; no word is printed outside the text block; every page marker of the EPUB
 * is on the PDF page of its number; no font is Type 3 (a synthesised face).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { comparePageListWithPrint } from './helpers/page-list-check.ts';
import { defaultManuscript, fixturesDir } from './helpers/paths.ts';
import { bodyTextHeight, codeLines, missingCodeLines, proseWords, wordsOutsideTextBlock } from './helpers/print-fidelity.ts';
import { pdfFonts } from './helpers/read-pdf.ts';
import { runCli, tempDir, type CliRun } from './helpers/run-cli.ts';
import { epubcheckJava, epubcheckTs, findingsById, type Validation } from './helpers/validate-epub.ts';
import { wordBoxes, type PageWords } from './helpers/word-boxes.ts';
import { writeListedNestedBook } from './helpers/listed-nested-book.ts';

const corpus = path.join(fixturesDir, 'corpus');
const kinds = [...readdirSync(corpus).sort(), 'nested'];
/** How far (as a share) a book's median body word box may differ from the default book's. */
const sizeTolerance = 0.03;

let books: string;
let out: string;
let run: CliRun;
const pagesOf = new Map<string, PageWords[]>();

/** The one file of `extension` that the build wrote for `kind`. */
function output(kind: string, extension: string): string {
  const dir = path.join(out, kind);
  const file = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith(extension)) : undefined;
  assert.ok(file, `the build wrote ${kind}'s ${extension}\n${run.stderr}${run.stdout}`);
  return path.join(dir, file);
}

/** The Markdown text of every chapter `book.yaml` lists, in order. */
function chapters(kind: string): string[] {
  const config = parseYaml(readFileSync(path.join(books, kind, 'book.yaml'), 'utf8')) as { chapters: string[] };
  return config.chapters.map((chapter) => readFileSync(path.join(books, kind, chapter), 'utf8'));
}

function pages(kind: string): PageWords[] {
  if (!pagesOf.has(kind)) pagesOf.set(kind, wordBoxes(output(kind, '.pdf')));
  return pagesOf.get(kind)!;
}

/** A validator's findings, one line per message id. */
function summary(validation: Validation): string {
  return [...findingsById(validation.report)].map(([id, { count, first }]) => `  ${id} ×${count}: ${first}`).join('\n');
}

before(() => {
  books = path.join(tempDir('quire-kinds-'), 'books');
  for (const kind of kinds.filter((kind) => kind !== 'nested')) cpSync(path.join(corpus, kind), path.join(books, kind), { recursive: true });
  writeListedNestedBook(path.join(books, 'nested'));
  cpSync(defaultManuscript, path.join(books, 'default'), { recursive: true });
  out = path.join(tempDir(), 'dist');
  run = runCli(['build', ...kinds.map((kind) => path.join(books, kind)), path.join(books, 'default'), '--out', out, '--format', 'epub,pdf']);
});

test('the catalog builds every kind of book, and the default book, with exit code 0', () => {
  assert.equal(run.status, 0, run.stderr + run.stdout);
});

for (const kind of kinds) {
  describe(kind, () => {
    test('EPUBCheck 4.2.6 and epubcheck-ts find no error', async () => {
      const java = epubcheckJava(output(kind, '.epub'));
      const ts = await epubcheckTs(output(kind, '.epub'));
      assert.deepEqual({ java: java.errors, ts: ts.errors }, { java: 0, ts: 0 }, `EPUBCheck 4.2.6:\n${summary(java)}\nepubcheck-ts:\n${summary(ts)}`);
    });

    test("body text is set at the default book's size: the median body word box is as tall", () => {
      const expected = bodyTextHeight(pages('default'), proseWords(chapters('default')));
      const measured = bodyTextHeight(pages(kind), proseWords(chapters(kind)));
      assert.ok(measured.words >= 30, `${measured.words} body words found`);
      const ratio = measured.median / expected.median;
      assert.ok(Math.abs(ratio - 1) <= sizeTolerance, `body word boxes are ${measured.median.toFixed(2)} pt tall, the default book's ${expected.median.toFixed(2)} pt (${(ratio * 100).toFixed(1)}%): the pages were scaled`);
    });

    test('every line of every code block is printed whole, wrapped or not', () => {
      const missing = missingCodeLines(pages(kind), codeLines(chapters(kind)));
      assert.equal(missing.length, 0, `${missing.length} code lines are not in the PDF's text:\n${missing.map((line) => `  ${line.slice(0, 100)}`).join('\n')}`);
    });

    test("no word is printed outside the page's text block", () => {
      const stray = wordsOutsideTextBlock(pages(kind));
      const shown = stray.slice(0, 12).map((word) => `  page ${word.page}: "${word.text.slice(0, 40)}" at x ${word.xMin}–${word.xMax}`);
      assert.equal(stray.length, 0, `${stray.length} words reach past the margins, such as:\n${shown.join('\n')}`);
    });

    test('every page marker of the EPUB is on the PDF page of its number', async () => {
      const { compared, misplaced } = await comparePageListWithPrint(output(kind, '.epub'), output(kind, '.pdf'), { every: true });
      assert.ok(compared > 0, 'some markers were compared');
      const shown = misplaced.map((marker) => `  page ${marker.folio} (${marker.file}): "${marker.words}"`);
      assert.equal(misplaced.length, 0, `${misplaced.length} of ${compared} markers are not on their printed page:\n${shown.join('\n')}`);
    });

    test('no font is Type 3 (a synthesised or unembeddable face)', () => {
      const type3 = pdfFonts(output(kind, '.pdf')).filter((font) => /Type 3/.test(font.type));
      assert.equal(type3.length, 0, `${type3.length} Type 3 fonts: ${type3.map((font) => font.name).join(', ')}`);
    });
  });
}
