import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { pdfText } from './read-pdf.ts';

/** One bookmark of a PDF's outline, as `qpdf --json` reads it. */
export interface OutlineEntry {
  title: string;
  page: number;
  kids: OutlineEntry[];
}

/** The PDF's outline (bookmarks), read with `qpdf --json`. */
export function pdfOutline(file: string): OutlineEntry[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
  const convert = (entry: { title: string; destpageposfrom1: number; kids: unknown[] }): OutlineEntry => ({
    title: entry.title,
    page: entry.destpageposfrom1,
    kids: (entry.kids as Array<typeof entry>).map(convert),
  });
  return (json.outlines as Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>).map(convert);
}

/** The text of every page, first page at index 0, as `pdftotext -layout` reads it. */
export function pageTexts(file: string): string[] {
  const pages = pdfText(file).split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

function lines(page: string): string[] {
  return page.split('\n').map((line) => line.trim()).filter(Boolean);
}

/**
 * Checks a print PDF the way a print-on-demand reviewer would, reading only the PDF:
 * every chapter is in the outline and opens on an odd page; every number in the contents
 * is the folio printed on that chapter's opening page; folios and running heads are on
 * the body pages. Returns the measured shares, for the note.
 */
export function assertBookLayout(file: string, book: { title: string; chapters: string[] }): { folios: number; heads: number } {
  const outline = pdfOutline(file);
  const pages = pageTexts(file);
  const flat = outline.flatMap((entry) => [entry, ...entry.kids]);
  const openings = new Map<string, number>();
  for (const title of book.chapters) {
    const entry = flat.find((candidate) => candidate.title === title && !openings.has(title) && ![...openings.values()].includes(candidate.page));
    assert.ok(entry, `the outline has "${title}"`);
    assert.equal(entry.page % 2, 1, `"${title}" opens on an odd page (page ${entry.page})`);
    openings.set(title, entry.page);
  }

  // The contents: a title, dot leaders, a folio.
  const contentsPage = pages.findIndex((page) => lines(page)[0] === 'Contents');
  assert.ok(contentsPage >= 0, 'there is a contents page');
  const listed = new Map<string, string>();
  for (let index = contentsPage; index < pages.length && listed.size < book.chapters.length; index++) {
    for (const line of lines(pages[index]!)) {
      const match = /^(.+?)\s*(?:\.\s*){3,}([ivxlcdm]+|\d+)$/.exec(line);
      if (match) listed.set(match[1]!.trim(), match[2]!);
    }
  }
  for (const [title, page] of openings) {
    const printedFolio = lines(pages[page - 1]!).at(-1);
    const shown = [...listed.entries()].find(([entry]) => title.startsWith(entry.replace(/\s+/g, ' ')));
    assert.ok(shown, `the contents list "${title}"`);
    assert.equal(shown[1], printedFolio, `the contents give "${title}" the folio printed on its opening page`);
  }

  // Body pages: from the first arabic folio 1 to the end, blanks excluded.
  const bodyStart = pages.findIndex((page, index) => index > contentsPage && lines(page).at(-1) === '1');
  assert.ok(bodyStart > 0, 'folio 1 is printed');
  const openingPages = new Set([...openings.values()].map((page) => page - 1));
  const titles = new Set([book.title, ...book.chapters]);
  let body = 0;
  let folios = 0;
  let heads = 0;
  for (let index = bodyStart; index < pages.length; index++) {
    const text = lines(pages[index]!);
    if (text.length === 0) continue;
    body++;
    if (text.at(-1) === String(index - bodyStart + 1)) folios++;
    if (openingPages.has(index) || titles.has(text[0]!)) heads++;
  }
  for (const [title, page] of openings) {
    const top = lines(pages[page - 1]!).slice(0, 3);
    assert.ok(top[0] !== book.title && title.replace(/\s+/g, ' ').startsWith(top[0]!), `"${title}" opens with its heading, not a running head`);
    assert.ok(top.filter((line) => line === title).length <= 1, `no running head repeats "${title}" on its opening`);
  }
  const shares = { folios: folios / body, heads: heads / body };
  assert.ok(shares.folios >= 0.9, `folios on ${(shares.folios * 100).toFixed(1)}% of body pages`);
  assert.ok(shares.heads >= 0.8, `running heads on ${(shares.heads * 100).toFixed(1)}% of body pages`);
  return shares;
}
