/**
 * Books in parts: `parts:` in book.yaml (and Quarto's `- part:` entries in `chapters:`),
 * and manuscripts of nested folders, whose top-level folders are parts and whose files in
 * a chapter's folder are its sub-chapters. Real books are built through the command line;
 * the EPUB is validated and its nav and NCX read back, the PDF read back with poppler.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import { parseBook } from '../scripts/parse/parse-book.ts';
import { SharedBrowser } from '../scripts/browser/shared-browser.ts';
import { splitBook } from '../scripts/pdf/book-parts.ts';
import { layOutBook } from '../scripts/pdf/render-pdf.ts';
import { formatMessage } from '../scripts/diagnostics/format-message.ts';
import { assertValidEpub } from './helpers/book-checks.ts';
import { writeNestedBook } from './helpers/nested-book.ts';
import { assertPageListMatchesPrint } from './helpers/page-list-check.ts';
import { fixturesDir } from './helpers/paths.ts';
import { pageTexts } from './helpers/printed-book.ts';
import { readEpub } from './helpers/read-epub.ts';
import { pdfText } from './helpers/read-pdf.ts';
import { navContents, ncxContents, titlesOf } from './helpers/read-nav.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';
import { stagePrint } from './helpers/staged-print.ts';

const partsBook = path.join(fixturesDir, 'books/parts');

/** Builds `manuscript` into a fresh folder; returns the paths of its EPUB and PDF. */
function build(manuscript: string): { epub: string; pdf: string } {
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub,pdf', '--quiet', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const names = readdirSync(out);
  return { epub: path.join(out, names.find((name) => name.endsWith('.epub'))!), pdf: path.join(out, names.find((name) => name.endsWith('.pdf'))!) };
}

/** The 0-based index of the page whose first line is `title`. */
function openingPage(pages: readonly string[], title: string): number {
  const index = pages.findIndex((page) => page.split('\n').map((line) => line.trim()).filter(Boolean)[0] === title);
  assert.ok(index >= 0, `a page opens with "${title}"`);
  return index;
}

const blank = (page: string | undefined) => (page ?? '').trim() === '';

test('`parts:` groups chapters under part titles; plain files and Quarto\'s `- part:` entries are read too', async () => {
  const { book, files } = await parseBook(partsBook);
  assert.deepEqual(files.flatMap((file) => file.messages), []);
  assert.deepEqual(
    book!.parts.map((part) => ({ id: part.id, title: part.title, chapters: part.chapterIds })),
    [
      { id: 'part-1', title: 'The Salt Marshes', chapters: ['ch-01-tides', 'ch-02-herons'] },
      { id: 'part-2', title: 'Winter Quarters', chapters: ['ch-03-ice'] },
    ],
  );
  assert.deepEqual(
    book!.chapters.map((chapter) => chapter.partId),
    [undefined, 'part-1', 'part-1', 'part-2', undefined],
    'the foreword and the afterword stand outside the parts',
  );
});

test('mistakes in `parts:` and `chapters:` are located errors', async () => {
  const dir = tempDir();
  for (const name of ['a.md', 'b.md', 'c.md']) writeFileSync(path.join(dir, name), `# ${name}\n\nText.\n`);
  const write = (yaml: string) => writeFileSync(path.join(dir, 'book.yaml'), `title: T\n${yaml}`);
  const messages = async () => {
    const { files } = await parseBook(dir);
    return files.flatMap((file) => file.messages.map((message) => formatMessage(message, path.relative(dir, file.path)).replace(/^\S*book\.yaml/, 'book.yaml')));
  };

  write('parts:\n  - title: One\n    chapters: [a.md, missing.md]\n  - title: Two\n    chapters: [b.md, a.md]\n  - chapters: [c.md]\n');
  assert.deepEqual(await messages(), [
    'book.yaml:4:22: error: File not found: `missing.md` [missing-chapter]',
    'book.yaml:6:22: error: `a.md` is listed twice: a chapter has one place in the book [duplicate-chapter]',
    'book.yaml:7:5: error: A part needs a `title` [invalid-value]',
  ]);

  write('chapters: [a.md]\nparts:\n  - title: One\n    chapters: [b.md]\n');
  assert.deepEqual(await messages(), [
    'book.yaml:3:1: error: `parts` and `chapters` cannot both be set: list the book in `parts` (a plain file there is a chapter outside any part), or add `- part: Title` entries to `chapters` [conflicting-keys]',
  ]);

  write('chapters:\n  - a.md\n  - part: Later\n    chapters: []\n    intro: x\n');
  assert.deepEqual(await messages(), [
    'book.yaml:6:5: warning: Unknown key `intro` in a part: a part has `title` and `chapters` [unknown-key]',
    'book.yaml:5:5: error: Part `Later` needs `chapters`: a list of its chapter files [invalid-value]',
  ]);
});

test('a manuscript of nested folders: top-level folders are parts, files in a chapter\'s folder its sub-chapters', async () => {
  const dir = tempDir();
  const nested = writeNestedBook(dir);
  const { book, files } = await parseBook(dir);
  assert.deepEqual(files.flatMap((file) => file.messages), []);
  assert.deepEqual(book!.parts.map((part) => part.title), nested.parts, 'titled by `_part.md`, else by the folder name made readable');
  assert.deepEqual(book!.chapters.map((chapter) => chapter.title), nested.chapters);
  const byId = new Map(book!.chapters.map((chapter) => [chapter.id, chapter]));
  assert.deepEqual(book!.chapters.filter((chapter) => chapter.parentId).map((chapter) => chapter.title), nested.subChapters);
  const note = book!.chapters.find((chapter) => chapter.title === 'Note 1 on 1.1.2')!;
  assert.equal(byId.get(note.parentId!)!.title, 'Section 1.1.2', 'a deeper file continues the nearest chapter whose folder holds it');
  assert.equal(book!.chapters[0]!.partId, undefined, 'a file at the top stands outside the parts');
});

test('a top-level folder named after a top-level chapter holds its sub-chapters, not a part (mdBook\'s layout)', async () => {
  const dir = tempDir();
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  };
  write('book.yaml', 'title: Tools of the Trade\nauthor: A. Tester\n');
  write('hammers.md', '# Hammers\n\nWhat a hammer is for.\n');
  write('hammers/claw.md', '# Claw Hammers\n\nPulling nails.\n');
  write('hammers/sledge.md', '# Sledgehammers\n\nBreaking stone.\n');
  write('saws.md', '# Saws\n\nWhat a saw is for.\n');
  write('workshop/bench.md', '# The Bench\n\nWhere the work is done.\n');
  const { book } = await parseBook(dir);
  assert.deepEqual(book!.parts.map((part) => part.title), ['Workshop'], 'only a folder no chapter is named after is a part');
  const titleOf = new Map(book!.chapters.map((chapter) => [chapter.id, chapter.title]));
  assert.deepEqual(
    book!.chapters.map((chapter) => [chapter.title, chapter.parentId && titleOf.get(chapter.parentId), chapter.partId !== undefined]),
    [['Hammers', undefined, false], ['Claw Hammers', 'Hammers', false], ['Sledgehammers', 'Hammers', false], ['Saws', undefined, false], ['The Bench', undefined, true]],
  );
});

test('text in `_part.md` beyond its title is reported, not silently dropped', async () => {
  const dir = tempDir();
  writeNestedBook(dir);
  writeFileSync(path.join(dir, '01-the-coast/_part.md'), '# Along the Coast\n\nA paragraph that has nowhere to go.\n');
  const { book, files } = await parseBook(dir);
  assert.equal(book!.parts[0]!.title, 'Along the Coast');
  const lines = files.flatMap((file) => file.messages.map((message) => formatMessage(message, path.relative(dir, file.path))));
  assert.deepEqual(lines, ["01-the-coast/_part.md:3:1: warning: Only the part's title is used: the text of `_part.md` after it is left out of the book [part-text-ignored]"]);
});

test('a book with `parts:` builds: part pages in the spine, nested nav and NCX, part pages on rectos in print, the page list on the PDF', async () => {
  const { epub, pdf } = build(partsBook);
  await assertValidEpub(epub);
  const read = await readEpub(epub);
  const expected = ['Foreword', ['The Salt Marshes', [['Tides', ['Spring Tides']], 'Herons']], ['Winter Quarters', ['Ice']], 'Afterword'];
  const nav = navContents(await read.text('OEBPS/toc.xhtml'));
  assert.deepEqual(titlesOf(nav), expected);
  assert.equal(nav[1]!.href, 'part-1.xhtml');
  assert.deepEqual(titlesOf(ncxContents(await read.text('OEBPS/toc.ncx'))), expected);
  const opf = await read.text('OEBPS/content.opf');
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map((match) => match[1]);
  assert.deepEqual(spine.slice(4), ['ch-00-foreword', 'part-1', 'ch-01-tides', 'ch-02-herons', 'part-2', 'ch-03-ice', 'ch-04-afterword']);
  const partPage = await read.text('OEBPS/part-2.xhtml');
  assert.match(partPage, /<section id="part-2" class="part-page" epub:type="part" role="doc-part"/);
  assert.match(partPage, /Part 2[\s\S]*Winter Quarters/);

  const pages = pageTexts(pdf);
  for (const [label, title, first] of [['Part 1', 'The Salt Marshes', 'Tides'], ['Part 2', 'Winter Quarters', 'Ice']] as const) {
    const index = pages.findIndex((page) => page.split('\n').map((line) => line.trim()).filter(Boolean).join('|') === `${label}|${title}`);
    assert.ok(index >= 0, `a page holds only "${label}" and "${title}"`);
    assert.equal(index % 2, 0, `${label} is a recto (page ${index + 1})`);
    assert.ok(blank(pages[index + 1]), 'its verso is blank');
    assert.equal(openingPage(pages, first), index + 2, `its first chapter opens on the next recto`);
  }
  const contents = pages[openingPage(pages, 'Contents')]!;
  assert.match(contents, /The Salt Marshes[ .]+1\n/, 'the contents give the part page its folio');
  assert.match(contents, /\n {2,}Tides[ .]+3\n/, 'and indent its chapters under it');
  const { listed } = await assertPageListMatchesPrint(epub, pdf);
  assert.equal(listed, pages.length, 'every printed page is in the page list');
});

test('a manuscript of dozens of nested files builds: nested nav, sub-chapters in print with no blank page before them', async () => {
  const dir = tempDir();
  const nested = writeNestedBook(dir);
  // The same chapters as a flat book: every file a chapter, each opening on a recto.
  const flat = tempDir();
  const files = listMarkdown(dir).filter((file) => !file.endsWith('_part.md'));
  files.forEach((file, index) => copyFileSync(path.join(dir, file), path.join(flat, `${String(index).padStart(3, '0')}.md`)));
  writeFileSync(path.join(flat, 'book.yaml'), 'title: "The Nested Book"\nauthor: "Test Author"\nlang: en\n');
  assert.ok(files.length >= 40, `${files.length} chapter files`);

  const built = build(dir);
  await assertValidEpub(built.epub);
  const read = await readEpub(built.epub);
  const nav = navContents(await read.text('OEBPS/toc.xhtml'));
  assert.deepEqual(nav.map((entry) => entry.title), ['Preface', ...nested.parts, 'Appendix']);
  const firstChapter = nav[1]!.children[0]!;
  assert.deepEqual(titlesOf([firstChapter]), [['Mill 1.1', ['Section 1.1.1', ['Section 1.1.2', ['Note 1 on 1.1.2', 'Note 2 on 1.1.2']], 'Section 1.1.3']]]);
  assert.deepEqual(titlesOf(ncxContents(await read.text('OEBPS/toc.ncx'))), titlesOf(nav));

  const pages = pageTexts(built.pdf);
  for (const title of nested.subChapters) {
    const index = openingPage(pages, title);
    assert.ok(!blank(pages[index - 1]), `no blank page before the sub-chapter "${title}" (page ${index + 1})`);
  }
  for (const title of nested.openers) assert.equal(openingPage(pages, title) % 2, 0, `"${title}" opens on a recto`);
  await assertPageListMatchesPrint(built.epub, built.pdf);

  const flatPages = pageTexts(build(flat).pdf);
  const blanks = (texts: readonly string[]) => texts.filter((page) => blank(page)).length;
  // The flat book opens every file on a recto; the nested one only chapters and part pages.
  assert.ok(blanks(pages) < blanks(flatPages) && pages.length < flatPages.length, `nested: ${pages.length} pages, ${blanks(pages)} blank; flat: ${flatPages.length} pages, ${blanks(flatPages)} blank`);
});

/** Every Markdown file under `dir`, as relative paths, in the order the build reads them. */
function listMarkdown(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).map((name) => name.split(path.sep).join('/'));
}

test('a book in parts printed in several documents is the book printed in one', async () => {
  process.env.QUIRE_CACHE_DIR = tempDir('quire-cache-');
  const dir = tempDir();
  writeNestedBook(dir);
  const { book } = await loadBook(dir);
  const staged = await stagePrint(book);
  const browser = new SharedBrowser();
  const print = async (charactersPerPart?: number) => (await layOutBook({ ...staged, browser, forPrint: true, charactersPerPart })).print(new Date('2025-01-01T00:00:00Z'));
  try {
    const whole = await print();
    const small = 1500;
    const documents = splitBook(book, 2, small);
    assert.ok(documents.length >= 4, `${documents.length} documents`);
    assert.ok(documents.slice(1).some((document) => document.chapterIds[0]!.startsWith('part-')), 'a document begins with a part page');
    const parted = await print(small);
    assert.deepEqual([...parted.plan.starts], [...whole.plan.starts]);
    const files = [whole, parted].map((result, index) => {
      const file = path.join(staged.dir, `${index}.pdf`);
      writeFileSync(file, result.pdf);
      return file;
    });
    assert.equal(pdfText(files[1]!), pdfText(files[0]!));
  } finally {
    delete process.env.QUIRE_CACHE_DIR;
    await browser.close();
  }
});
