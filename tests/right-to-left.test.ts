/**
 * Books written right to left, and paragraphs written against their book's direction: an
 * Arabic book built through the command line and read back (every EPUB document and web
 * page `dir="rtl"`, the spine's page progression, its English paragraph `dir="ltr"`,
 * EPUBCheck and Ace clean; its print edition mirrored, the gutter on the right of each
 * recto, read from the word boxes), and a Hebrew and an Arabic block in an English book.
 * Glyphs are not checked: fonts for these scripts are another matter.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { textDirection } from '../scripts/config/text-direction.ts';
import { createProcessor } from '../scripts/parse/create-processor.ts';
import { serializeHtml } from '../scripts/render/serialize-html.ts';
import { assertValidEpub } from './helpers/book-checks.ts';
import { fixturesDir } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runAce } from './helpers/run-ace.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';
import { writeBook } from './helpers/write-book.ts';
import { wordBoxes, type PageWords } from './helpers/word-boxes.ts';

const arabicBook = path.join(fixturesDir, 'books', 'rtl-arabic');

/** A chapter's HTML after the parse, in a book whose language is `lang`. */
async function parsed(markdown: string, lang: string): Promise<string> {
  const dir = tempDir();
  const processor = createProcessor({ manuscriptDir: dir, settings: { lang } });
  const file = new VFile({ path: path.join(dir, 'chapter.md'), value: markdown });
  return serializeHtml(await processor.run(processor.parse(file), file));
}

/** The pages on which the PDF's named destinations fall, by name (`pdfinfo -dests`). */
function destinationPages(file: string): Map<string, number> {
  const listing = execFileSync('pdfinfo', ['-dests', file], { encoding: 'utf8' });
  return new Map([...listing.matchAll(/^\s*(\d+) \[.*\] "([^"]+)"$/gm)].map((match) => [match[2]!, Number(match[1])]));
}

/** The left and right margins of a page's text, in points: from the page's edges to its outermost words. */
function margins(page: PageWords): { left: number; right: number } {
  return { left: Math.min(...page.words.map((word) => word.xMin)), right: page.width - Math.max(...page.words.map((word) => word.xMax)) };
}

test('a language is right to left by the script it is written in', () => {
  for (const lang of ['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr', 'iw', 'pa-Arab', 'ar-EG']) assert.equal(textDirection(lang), 'rtl', lang);
  for (const lang of ['en', 'en-GB', 'ja', 'ru', 'ar-Latn', 'sd-Deva', 'ku', 'not a tag']) assert.equal(textDirection(lang), 'ltr', lang);
});

test('a block whose first letter runs against the book gets a dir of its own; nothing else does', async () => {
  const english = await parsed(
    ['English first.', '', 'שלום עולם.', '', '“1984” — הספר.', '', '- مرحبا بالعالم.', '- and back.', '', '> قال: Hello.', '', '<p dir="ltr">עברית, kept as written.</p>', '', '12, 13.'].join('\n'),
    'en',
  );
  assert.match(english, /<p>English first\.<\/p>/);
  assert.match(english, /<p dir="rtl">שלום עולם\.<\/p>/);
  assert.match(english, /<p dir="rtl">“1984” — הספר\.<\/p>/, 'digits and punctuation do not set a direction');
  assert.match(english, /<li dir="rtl">مرحبا بالعالم\.<\/li>/);
  assert.match(english, /<li>and back\.<\/li>/);
  assert.match(english, /<blockquote>\s*<p dir="rtl">قال: Hello\.<\/p>/, 'a quotation of paragraphs leaves the direction to them');
  const table = await parsed('> | | |\n> |-|-|\n> | חן | Hebrew. |\n> | Κητος | Greek. |\n', 'en');
  assert.match(table, /<td dir="rtl">חן<\/td>/);
  assert.equal(table.match(/dir=/g)?.length, 1, 'a quotation whose first cell is Hebrew leaves the other cells as they are');
  assert.match(english, /<p dir="ltr">עברית, kept as written\.<\/p>/);
  assert.match(english, /<p>12, 13\.<\/p>/);
  assert.doesNotMatch(await parsed('# A title\n\nOnly English, *all* the way.\n\n| a | b |\n| - | - |\n| c | d |\n', 'en'), /dir=/);
  const arabic = await parsed('# عنوان\n\nنص عربي.\n\nEnglish inside.\n\n```\nlet x = 1;\n```\n', 'ar');
  assert.doesNotMatch(arabic.replace('<p dir="ltr">English inside.</p>', '').replace('<pre dir="ltr">', ''), /dir=/);
  assert.match(arabic, /<p dir="ltr">English inside\.<\/p>/);
  assert.match(arabic, /<pre dir="ltr"><code>/, 'code is written left to right');
});

test('an Arabic book: every document right to left, the spine progressing right to left, its English paragraph left to right, EPUBCheck and Ace clean', async () => {
  const out = tempDir();
  const run = runCli(['build', '--manuscript', arabicBook, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const file = path.join(out, readdirSync(out).find((name) => name.endsWith('.epub'))!);
  const epub = await readEpub(file);
  const opf = await epub.text('OEBPS/content.opf');
  assert.match(opf, /<spine toc="ncx" page-progression-direction="rtl">/);
  const documents = epub.names.filter((name) => name.endsWith('.xhtml'));
  assert.ok(documents.length >= 5, documents.join(', '));
  for (const name of documents) assert.match(await epub.text(name), /<html [^>]*lang="ar" xml:lang="ar" dir="rtl">/, name);
  const first = await epub.text('OEBPS/01-wusul.xhtml');
  assert.match(first, /<p dir="ltr">The keeper wrote his log in English, as the lighthouse board required\.<\/p>/);
  assert.equal(first.match(/ dir="/g)?.length, 2, 'only the root and the English paragraph have a direction');
  assert.match(await epub.text('OEBPS/style.css'), /h1, h2, h3, h4, th, td, \.contents-list > li \{ text-align: start; \}/, 'the mirroring stylesheet is part of the EPUB\'s');
  await assertValidEpub(file);
  assert.deepEqual(await runAce(file), []);

  const web = path.join(out, 'html');
  for (const name of readdirSync(web).filter((page) => page.endsWith('.html'))) assert.match(readFileSync(path.join(web, name), 'utf8'), /<html lang="ar" dir="rtl">/, name);
  assert.match(readFileSync(path.join(web, '01-wusul.html'), 'utf8'), /<p dir="ltr">The keeper/);
  assert.match(readFileSync(path.join(web, '01-wusul.html'), 'utf8'), /<link rel="stylesheet" href="styles\/rtl.css" \/>/);
  // The pager runs from right to left: the next chapter is at the left, its arrow pointing there.
  assert.match(readFileSync(path.join(web, '01-wusul.html'), 'utf8'), /<a rel="next" href="02-asifa.html">العاصفة ←<\/a>/);
  assert.ok(readdirSync(path.join(web, 'styles')).includes('rtl.css'));
});

test('an Arabic book prints mirrored: chapters open on rectos, the gutter on the right of a recto and on the left of a verso, the verso headed by the book title', () => {
  const out = tempDir();
  const run = runCli(['build', '--manuscript', arabicBook, '--out', out, '--format', 'pdf']);
  assert.equal(run.status, 0, run.stderr);
  const file = path.join(out, readdirSync(out).find((name) => name.endsWith('.pdf'))!);
  const starts = destinationPages(file);
  const first = starts.get('ch-01-wusul')!;
  const second = starts.get('ch-02-asifa')!;
  // Page 1 is a recto: in a book bound on the right it lies on the left, and chapters open on odd pages all the same.
  assert.equal(first % 2, 1, `chapter 1 opens on page ${first}`);
  assert.equal(second % 2, 1, `chapter 2 opens on page ${second}`);
  const pages = wordBoxes(file);
  const inch = 72;
  const recto = margins(pages[second - 1]!);
  assert.ok(Math.abs(recto.left - 0.6 * inch) < 2 && Math.abs(recto.right - 0.85 * inch) < 2, `a recto: outer margin on the left, gutter on the right (${JSON.stringify(recto)})`);
  const versoPage = pages[second]!;
  assert.ok(versoPage.words.length > 20, `chapter 2 runs onto page ${second + 1}`);
  const verso = margins(versoPage);
  assert.ok(Math.abs(verso.left - 0.85 * inch) < 2 && Math.abs(verso.right - 0.6 * inch) < 2, `a verso: gutter on the left, outer margin on the right (${JSON.stringify(verso)})`);
  // The verso's running head (the book title) sits above its text; the chapter's opening page has none.
  const top = (page: PageWords) => Math.min(...page.words.map((word) => word.yMin));
  assert.ok(top(versoPage) < 0.7 * inch, 'the verso has a running head');
  assert.ok(top(pages[second - 1]!) > 0.7 * inch, 'the opening page has no running head');
  // The chapter's title starts at the right, where its text does (see `rtl.css`).
  const title = pages[second - 1]!.words.find((word) => word.yMin === top(pages[second - 1]!))!;
  assert.ok(Math.abs(pages[second - 1]!.width - title.xMax - 0.85 * inch) < 2, `the title ends at the gutter (${JSON.stringify(title)})`);
});

test('an English book gives a Hebrew and an Arabic paragraph, and a Hebrew chapter, their direction in the EPUB and the web edition, and stays left to right', async () => {
  const manuscript = writeBook({
    'book.yaml': 'title: "Two Ways"\nauthor: "Ada Example"\nlang: en\nidentifier: "urn:uuid:3f2b7c1e-6d4a-4e8b-9a0c-1b2d3e4f5a6b"\npage-list: none\n',
    '01-both.md': '# Both ways\n\nThe sign over the door read:\n\nשלום, חברים.\n\nAnd the other one:\n\nأهلا وسهلا.\n',
    '02-ivrit.md': '---\nlang: he\n---\n\n# עברית\n\nפרק שלם, בעברית.\n\nWith one line in English.\n',
  });
  const out = tempDir();
  const run = runCli(['build', '--manuscript', manuscript, '--out', out, '--format', 'epub,html']);
  assert.equal(run.status, 0, run.stderr);
  const epub = await readEpub(path.join(out, readdirSync(out).find((name) => name.endsWith('.epub'))!));
  assert.doesNotMatch(await epub.text('OEBPS/content.opf'), /page-progression-direction/);
  const page = readFileSync(path.join(out, 'html', '01-both.html'), 'utf8');
  for (const text of [await epub.text('OEBPS/01-both.xhtml'), page]) {
    assert.match(text, /<p dir="rtl">שלום, חברים\.<\/p>/);
    assert.match(text, /<p dir="rtl">أهلا وسهلا\.<\/p>/);
    assert.match(text, /<p>The sign over the door read:<\/p>/);
    assert.doesNotMatch(text, /<html[^>]* dir=|rtl\.css/);
  }
  assert.doesNotMatch(await epub.text('OEBPS/style.css'), /text-align: start/);
  // A chapter in Hebrew: its section is right to left, its English line left to right, its Hebrew ones as the section.
  const hebrew = await epub.text('OEBPS/02-ivrit.xhtml');
  assert.match(hebrew, /<section [^>]*lang="he"[^>]* dir="rtl"/);
  assert.match(hebrew, /<p>פרק שלם, בעברית\.<\/p>/);
  assert.match(hebrew, /<p dir="ltr">With one line in English\.<\/p>/);
  assert.ok(!readdirSync(path.join(out, 'html', 'styles')).includes('rtl.css'));
});

test('a block of code written right to left wraps inside the page: its hanging indent and wrap marks sit at its start, on the right', () => {
  const line = 'لدراستها بعمق سنحتاج معرفة بأشياء أكثر في جافا سكريبت لذلك سنرجع إليها مرة أخرى في فصل لاحق من هذا الكتاب';
  const manuscript = writeBook({
    'book.yaml': 'title: "سطور"\nauthor: "مؤلف"\nlang: ar\nidentifier: "urn:uuid:7d1e3c2a-5b4f-4e6a-8c9d-0a1b2c3d4e5f"\n',
    '01-code.md': `# شيفرة\n\n\`\`\`\n${line}\nlet x = 1;\n\`\`\`\n`,
  });
  const out = tempDir();
  const run = runCli(['build', '--manuscript', manuscript, '--out', out, '--format', 'pdf']);
  assert.equal(run.status, 0, run.stderr);
  assert.doesNotMatch(run.stderr, /wider-than-page/);
  const pdf = path.join(out, readdirSync(out).find((name) => name.endsWith('.pdf'))!);
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const word of ['لدراستها', 'الكتاب']) assert.ok(text.includes(word), `${word} is printed`);
});
