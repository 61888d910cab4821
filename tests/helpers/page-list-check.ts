import assert from 'node:assert/strict';
import { pageTexts } from './printed-book.ts';
import { readEpub } from './read-epub.ts';

const letters = (text: string) => text.replace(/<[^>]+>/g, ' ').replace(/&[^;]+;/g, ' ').replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();

/**
 * Checks the EPUB's page list against the print PDF, reading both back: it numbers at
 * least 80% of the PDF's pages and never more, and the words right after a sample of
 * page markers are printed on the page of that number (found by its printed folio).
 */
export async function assertPageListMatchesPrint(epubFile: string, pdfFile: string): Promise<{ listed: number; pages: number }> {
  const epub = await readEpub(epubFile);
  const nav = await epub.text('OEBPS/toc.xhtml');
  const entries = [...nav.matchAll(/<li><a href="([^"#]+)#(page-[^"]+)">([^<]+)<\/a><\/li>/g)].map((match) => ({ file: match[1]!, id: match[2]!, folio: match[3]! }));
  const pages = pageTexts(pdfFile);
  assert.ok(entries.length >= 0.8 * pages.length, `${entries.length} listed pages for ${pages.length} printed`);
  assert.ok(entries.length <= pages.length);
  assert.equal(new Set(entries.map((entry) => entry.folio)).size, entries.length, 'each page is listed once');

  // Folio 1 is found from the first page whose foot prints an arabic folio (a part's title page,
  // which may be folio 1, prints none); roman folios count from the first page.
  const feet = pages.map((text) => text.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? '');
  const firstArabic = feet.findIndex((foot, index) => index > 0 && /^\d+$/.test(foot));
  const bodyStart = firstArabic - Number(feet[firstArabic]) + 1;
  assert.ok(firstArabic > 0 && bodyStart > 0, 'an arabic folio is printed');
  const pageOf = (folio: string) => (/^\d+$/.test(folio) ? bodyStart + Number(folio) - 1 : romanValue(folio) - 1);
  const step = Math.max(1, Math.floor(entries.length / 25));
  for (let index = 0; index < entries.length; index += step) {
    const entry = entries[index]!;
    const xhtml = await epub.text(`OEBPS/${entry.file}`);
    const at = xhtml.indexOf(`id="${entry.id}"`);
    assert.ok(at > 0, `${entry.file} has the marker ${entry.id}`);
    const words = letters(xhtml.slice(xhtml.indexOf('>', at) + 1, at + 400)).slice(0, 24);
    const printed = letters(pages[pageOf(entry.folio)] ?? '');
    if (printed === '') continue; // A blank page: nothing to find.
    assert.ok(printed.includes(words), `the text after the marker of page ${entry.folio} ("${words}") is on that printed page`);
  }
  return { listed: entries.length, pages: pages.length };
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
