/**
 * A long book is laid out and printed in parts joined into one PDF. The default book
 * printed in parts of a chapter or two must be the same book as printed whole: pages,
 * text, bookmarks, links, structure tree, and distinct font subset tags; printed in parts
 * twice, the same bytes; and printed from the pages it was measured in, or from pages
 * opened afresh (its layout cached), the same bytes again.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { loadBook } from '../scripts/parse/load-book.ts';
import type { Book } from '../scripts/book/types.ts';
import { SharedBrowser } from '../scripts/browser/shared-browser.ts';
import { partDocuments, partPlan, splitBook } from '../scripts/pdf/book-parts.ts';
import { printBlocks } from '../scripts/pdf/print-blocks.ts';
import { printBody, type PrintBody } from '../scripts/pdf/print-document.ts';
import type { PrintPlan } from '../scripts/pdf/print-plan.ts';
import { layOutBook } from '../scripts/pdf/render-pdf.ts';
import { defaultManuscript } from './helpers/paths.ts';
import { pdfFonts, pdfText } from './helpers/read-pdf.ts';
import { writeBook } from './helpers/write-book.ts';
import { tempDir } from './helpers/run-cli.ts';
import { stagePrint } from './helpers/staged-print.ts';

/** A stand-in print body whose chapters have Markdown of the given lengths. */
function bodyOf(sizes: Record<string, number>): PrintBody {
  const chapters = Object.entries(sizes).map(([id, size]) => ({ id, title: id, file: { value: 'x'.repeat(size) } }));
  const book = { chapters, parts: [], config: { title: 'T' } } as unknown as Book;
  return { book, chapters: new Map(), anchors: new Map(), blocks: printBlocks(book), partPages: new Map(), idsAndLinks: new Map() };
}

test('a book is cut into parts of about equal length, one per lane, the front pages in the first', () => {
  const body = bodyOf({ a: 100, b: 100, c: 100, d: 100, e: 100, f: 100 });
  assert.deepEqual(splitBook(body.book, 2, 300), [
    { chapterIds: ['a', 'b', 'c'], front: true },
    { chapterIds: ['d', 'e', 'f'], front: false },
  ]);
  // Never much over `most`: a multiple of the lanes.
  assert.equal(splitBook(body.book, 2, 150).length, 4);
  // A short book is one part.
  assert.deepEqual(splitBook(body.book, 2), [{ chapterIds: ['a', 'b', 'c', 'd', 'e', 'f'], front: true }]);
});

test('a blank verso before the first chapter of a part ends the part before it', () => {
  const body = bodyOf({ one: 1, two: 1, three: 1, four: 1 });
  const parts = [
    { chapterIds: ['one', 'two'], front: true },
    { chapterIds: ['three', 'four'], front: false },
  ];
  const plan = {
    starts: new Map([['one', 7], ['two', 11], ['three', 15], ['four', 19]]),
    blankBefore: new Set(['two', 'three', 'four']),
    bodyStart: 7,
    pageCount: 22,
  } as unknown as PrintPlan;
  const [first, second] = [0, 1].map((index) => partPlan(body, plan, parts, index));
  assert.deepEqual([first!.blankBefore, first!.blankAfter], [['two'], true]);
  assert.deepEqual([second!.blankBefore, second!.blankAfter], [['four'], false]);
  assert.deepEqual(first!.folios, { one: '1', two: '5', three: '9', four: '13' }, 'the contents, in the part with the front pages');
  assert.deepEqual(second!.folios, {});
  // The second part's page rules count from its first page, 15: its folio 9 is its own page 1.
  assert.match(second!.pageStyles, /system: fixed -7; symbols: "1"/);
});

test('a part links to what other parts hold through empty targets, found in the chapters\' trees, not in text that looks like markup', async () => {
  const dir = writeBook({
    'book.yaml': 'title: Targets\nauthor: A\nlang: en\nidentifier: urn:uuid:00000000-0000-4000-8000-000000000017\n',
    '01-one.md': '# One\n\nSee [the end](02-two.md#the-end).\n\n```html\n<a id="fake" href="#nowhere">x</a>\n```\n\nAnd `a href="#inline"`.\n',
    '02-two.md': '# Two\n\n## The end\n\nBack to [one](01-one.md).\n',
  });
  const { book } = await loadBook(dir);
  const body = await printBody(book!, undefined);
  const parts = splitBook(book!, 2, 1);
  assert.deepEqual(parts.map((part) => part.chapterIds), [['ch-01-one'], ['ch-02-two']]);
  const [first, second] = partDocuments(body, parts, '');
  assert.deepEqual(first!.outsideTargets, ['ch-02-two', 'ch-02-two--the-end'], 'the contents\' link and the chapter\'s, and nothing from the code');
  assert.deepEqual(second!.outsideTargets, ['ch-01-one']);
  assert.match(first!.html, /<span id="ch-02-two--the-end"><\/span>/);
  assert.doesNotMatch(first!.html, /id="nowhere"|id="inline"/);
  // Each part's hidden index links what the book's links point to and the chapters it holds.
  assert.match(second!.html, /<nav class="measure-index" aria-hidden="true"><a href="#ch-02-two">.<\/a><a href="#ch-02-two--the-end">.<\/a><\/nav>/);
});

test('the default book printed in parts is the book printed whole, and the same bytes each time', async () => {
  process.env.QUIRE_CACHE_DIR = tempDir('quire-cache-');
  const { book } = await loadBook(defaultManuscript);
  const staged = await stagePrint(book);
  const dir = staged.dir;
  const browser = new SharedBrowser();
  const date = new Date('2025-01-01T00:00:00Z');
  const print = async (charactersPerPart?: number) => (await layOutBook({ ...staged, browser, forPrint: true, charactersPerPart })).print(date);
  try {
    await browser.expect(5);
    // The first print measures in the pages it prints; the layout is then cached, and the
    // next ones open their pages afresh.
    const measured = await print();
    const whole = await print();
    assert.ok(Buffer.from(whole.pdf).equals(Buffer.from(measured.pdf)), 'printed from the measured pages or opened afresh, the same bytes');
    const small = 6000;
    const parted = await print(small);
    const again = await print(small);
    const parts = splitBook(staged.body.book, 2, small);
    assert.ok(parts.length >= 3, 'the book is cut into at least three parts');
    assert.ok(parts.some((_, index) => partPlan(staged.body, whole.plan, parts, index).blankAfter), 'a part ends with the blank verso the next one needs');
    assert.ok(Buffer.from(parted.pdf).equals(Buffer.from(again.pdf)), 'printed in parts twice, the same bytes');

    const files = Object.fromEntries(Object.entries({ whole, parted }).map(([name, result]) => {
      const file = path.join(dir, `${name}.pdf`);
      writeFileSync(file, result.pdf);
      return [name, file];
    }));
    assert.equal(pdfText(files.parted!), pdfText(files.whole!));
    const fonts = pdfFonts(files.parted!).map((font) => font.name);
    assert.equal(new Set(fonts).size, fonts.length, `every font subset has its own tag: ${fonts.join(', ')}`);

    const [a, b] = await Promise.all([whole.pdf, parted.pdf].map((bytes) => PDFDocument.load(bytes)));
    assert.equal(b!.getPageCount(), a!.getPageCount());
    assert.deepEqual(outline(b!), outline(a!));
    assert.deepEqual(links(b!), links(a!));
    assert.deepEqual(structure(b!), structure(a!));
  } finally {
    delete process.env.QUIRE_CACHE_DIR;
    await browser.close();
  }
});

function text(value: PDFObject | undefined): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : String(value);
}

function pageNumbers(document: PDFDocument): Map<string, number> {
  return new Map(document.getPages().map((page, index) => [page.ref.toString(), index + 1]));
}

/** Every bookmark: depth, title, page. */
function outline(document: PDFDocument): string[] {
  const pages = pageNumbers(document);
  const items: string[] = [];
  const visit = (ref: PDFObject | undefined, depth: number): void => {
    for (let item = ref; item instanceof PDFRef; ) {
      const dict = document.context.lookup(item, PDFDict);
      const dest = dict.lookupMaybe(PDFName.of('Dest'), PDFArray);
      items.push(`${depth} ${text(dict.lookup(PDFName.of('Title')))} ${pages.get(String(dest?.get(0)))}`);
      visit(dict.get(PDFName.of('First')), depth + 1);
      item = dict.get(PDFName.of('Next'));
    }
  };
  visit(document.catalog.lookup(PDFName.of('Outlines'), PDFDict).get(PDFName.of('First')), 0);
  return items;
}

/** Every link: its page and the page its named destination lands on, and that its structure element owns it. */
function links(document: PDFDocument): string[] {
  const pages = pageNumbers(document);
  const dests = document.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const parents = parentTree(document);
  return document.getPages().flatMap((page, index) => (page.node.Annots()?.asArray() ?? []).map((ref) => {
    const annotation = document.context.lookup(ref, PDFDict);
    const name = annotation.lookup(PDFName.of('Dest'), PDFName);
    const target = pages.get(String(dests.lookup(name, PDFArray).get(0)));
    const owner = document.context.lookup(parents.get(annotation.lookup(PDFName.of('StructParent'), PDFNumber).asNumber()), PDFDict);
    const kids = document.context.lookup(owner.get(PDFName.of('K')));
    const owned = (kids instanceof PDFArray ? kids.asArray() : [kids]).some((kid) => kid instanceof PDFDict && kid.get(PDFName.of('Obj')) === ref);
    return `${index + 1} ${name.decodeText()} ${target} ${owned}`;
  }));
}

function parentTree(document: PDFDocument): Map<number, PDFObject> {
  const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = document.context.lookup(root.get(PDFName.of('ParentTree')), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  const map = new Map<number, PDFObject>();
  for (let index = 0; index < nums.length; index += 2) map.set((nums[index] as PDFNumber).asNumber(), nums[index + 1]!);
  return map;
}

/** The structure tree in reading order: each element's type, depth and page, and its id. */
function structure(document: PDFDocument): string[] {
  const pages = pageNumbers(document);
  const elements: string[] = [];
  const visit = (ref: PDFObject, depth: number): void => {
    const element = document.context.lookup(ref);
    if (!(element instanceof PDFDict) || element.get(PDFName.of('Type')) !== PDFName.of('StructElem')) return;
    elements.push(`${depth} ${String(element.get(PDFName.of('S')))} ${pages.get(String(element.get(PDFName.of('Pg'))))} ${text(element.get(PDFName.of('ID')))}`);
    const kids = element.get(PDFName.of('K'));
    const list = document.context.lookup(kids);
    for (const kid of list instanceof PDFArray ? list.asArray() : [kids]) if (kid instanceof PDFRef) visit(kid, depth + 1);
  };
  visit(document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).get(PDFName.of('K'))!, 0);
  return elements;
}
