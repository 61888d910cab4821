import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { pageTexts } from './printed-book.ts';
import { readEpub } from './read-epub.ts';

/** The letters and digits of plain text (a PDF page's), lower-cased: what markers and pages are compared by. */
const lettersOf = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
/** The letters and digits of XHTML, its tags and character references left out. */
const letters = (xhtml: string) => lettersOf(xhtml.replace(/<[^>]+>/g, ' ').replace(/&[^;\s]+;/g, ' '));

/** Han, kana and hangul. */
const cjk = /[\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/;

/** Whether marker `second` comes right after marker `first` in `xhtml`, with no text between them. */
function markerFollows(xhtml: string, first: string, second: string): boolean {
  const from = xhtml.indexOf(`id="${first}"`);
  const to = xhtml.indexOf(`id="${second}"`);
  return from >= 0 && to > from && letters(xhtml.slice(xhtml.indexOf('>', from) + 1, to).replace(/<[^>]*$/, '')) === '';
}

/** Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko). */
const rightToLeft = /[\u0590-\u07FF]/;

/**
 * The markup up to the end of the first block that holds text (a paragraph, heading, list
 * item, cell...): in print, what follows it may be set elsewhere on the page, after the
 * page numbers of a contents line or in another column.
 */
function firstBlock(markup: string): string {
  const ends = /<\/(?:p|h[1-6]|li|td|th|dt|dd|figcaption|caption|pre)>/g;
  for (const match of markup.matchAll(ends)) {
    const block = markup.slice(0, match.index);
    if (letters(block).length >= 4) return block;
  }
  return markup.slice(0, 400);
}

/** A page marker whose following words are not printed on the PDF page of its number. */
export interface MisplacedMarker {
  folio: string;
  file: string;
  words: string;
}

/** What a comparison of the EPUB's page list with the print PDF found. */
export interface PageListComparison {
  listed: number;
  pages: number;
  /** How many markers were compared with their printed page (blank pages are skipped). */
  compared: number;
  misplaced: MisplacedMarker[];
}

/**
 * Compares the EPUB's page list with the print PDF, reading both back, and asserts its
 * shape: it numbers at least 80% of the PDF's pages and never more, each page once. Then
 * compares the words right after each page marker (`every`), or a sample of 25 spread over
 * the book, with the text of the PDF page of that number (found by its printed folio), and
 * returns the markers whose words are not on it.
 */
export async function comparePageListWithPrint(epubFile: string, pdfFile: string, options: { every?: boolean } = {}): Promise<PageListComparison> {
  const epub = await readEpub(epubFile);
  const nav = await epub.text('OEBPS/toc.xhtml');
  const entries = [...nav.matchAll(/<li><a href="([^"#]+)#(page-[^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => ({ file: match[1]!, id: match[2]!, folio: match[3]! }));
  const pages = pageTexts(pdfFile);
  // In the order Chromium drew it: a table's cells each in one run, where the layout text
  // would interleave the columns line by line.
  const drawn = execFileSync('pdftotext', ['-raw', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).split('\f');
  assert.ok(entries.length >= 0.8 * pages.length, `${entries.length} listed pages for ${pages.length} printed`);
  assert.ok(entries.length <= pages.length, `${entries.length} listed pages for ${pages.length} printed: the EPUB lists pages the PDF does not have`);
  assert.equal(new Set(entries.map((entry) => entry.folio)).size, entries.length, 'each page is listed once');

  // Folio 1 is found from the first page whose foot prints an arabic folio (a part's title page,
  // which may be folio 1, prints none); roman folios count from the first page.
  const feet = pages.map((text) => text.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? '');
  const firstArabic = feet.findIndex((foot, index) => index > 0 && /^\d+$/.test(foot));
  const bodyStart = firstArabic - Number(feet[firstArabic]) + 1;
  assert.ok(firstArabic > 0 && bodyStart > 0, 'an arabic folio is printed');
  const pageOf = (folio: string) => (/^\d+$/.test(folio) ? bodyStart + Number(folio) - 1 : romanValue(folio) - 1);
  const step = options.every ? 1 : Math.max(1, Math.floor(entries.length / 25));
  const misplaced: MisplacedMarker[] = [];
  let compared = 0;
  for (let index = 0; index < entries.length; index += step) {
    const entry = entries[index]!;
    const xhtml = await epub.text(`OEBPS/${entry.file}`);
    const at = xhtml.indexOf(`id="${entry.id}"`);
    assert.ok(at > 0, `${entry.file} has the marker ${entry.id}`);
    const block = firstBlock(xhtml.slice(xhtml.indexOf('>', at) + 1, at + 4000));
    // Without a face for CJK (the fonts issue), Chromium's text layer loses the first character of a run.
    const words = letters(block).slice(cjk.test(block) ? 1 : 0, 24);
    // Markers side by side (the pages of a long contents, all marked at the nav) begin pages that one run of text fills: the words are on one of them.
    const run = [entry.folio];
    for (let next = index + 1; next < entries.length && entries[next]!.file === entry.file && markerFollows(xhtml, entry.id, entries[next]!.id); next++) run.push(entries[next]!.folio);
    for (let previous = index - 1; previous >= 0 && entries[previous]!.file === entry.file && markerFollows(xhtml, entries[previous]!.id, entry.id); previous--) run.unshift(entries[previous]!.folio);
    // Page text is plain: `&&` or `<` in printed code is text, not markup.
    const printedRun = run.map((folio) => lettersOf(drawn[pageOf(folio)] ?? ''));
    const printed = lettersOf(drawn[pageOf(entry.folio)] ?? '');
    if (printed === '') continue; // A blank page: nothing to find.
    compared++;
    // Right-to-left lines come out of the PDF with their words in visual order: each word is looked for on its own.
    const found = printedRun.some(
      (page) => page.includes(words) || (rightToLeft.test(block) && block.replace(/<[^>]+>/g, ' ').split(/\s+/).slice(0, 6).every((word) => page.includes(letters(word)))),
    );
    if (!found) misplaced.push({ folio: entry.folio, file: entry.file, words });
  }
  return { listed: entries.length, pages: pages.length, compared, misplaced };
}

/**
 * Checks the EPUB's page list against the print PDF, reading both back: it numbers at
 * least 80% of the PDF's pages and never more, and the words right after a sample of
 * page markers are printed on the page of that number (found by its printed folio).
 */
export async function assertPageListMatchesPrint(epubFile: string, pdfFile: string): Promise<{ listed: number; pages: number }> {
  const { listed, pages, misplaced } = await comparePageListWithPrint(epubFile, pdfFile);
  const first = misplaced[0];
  assert.ok(!first, first && `the text after the marker of page ${first.folio} ("${first.words}") is on that printed page`);
  return { listed, pages };
}

function romanValue(text: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  for (let index = 0; index < text.length; index++) {
    const value = values[text[index]!]!;
    const next = values[text[index + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
