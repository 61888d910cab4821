/**
 * A long book is printed in parts joined into one PDF. The default book printed in parts
 * of a few pages must be the same book as printed whole: pages, text, bookmarks, links,
 * structure tree, and distinct font subset tags; and printed in parts twice, the same bytes.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { loadBook } from '../scripts/book/load-book.ts';
import { SharedBrowser } from '../scripts/browser/shared-browser.ts';
import { printParts } from '../scripts/pdf/print-parts.ts';
import type { PrintPlan } from '../scripts/pdf/print-plan.ts';
import { measurePrint, printBook } from '../scripts/pdf/render-pdf.ts';
import { defaultManuscript } from './helpers/paths.ts';
import { pdfFonts, pdfText } from './helpers/read-pdf.ts';
import { stagePrint } from './helpers/staged-print.ts';

test('parts begin only at a body chapter that opens on a recto with no blank before it', () => {
  const plan = {
    starts: new Map([['front', 5], ['one', 7], ['two', 11], ['three', 15], ['four', 19], ['five', 22]]),
    blankBefore: new Set(['three']),
    bodyStart: 7,
    pageCount: 30,
  } as unknown as PrintPlan;
  const ids = ['front', 'one', 'two', 'three', 'four', 'five'];
  assert.deepEqual(printParts(ids, plan, 8), [
    { chapterIds: ['front', 'one'], firstPage: 1 },
    { chapterIds: ['two', 'three'], firstPage: 11 },
    { chapterIds: ['four', 'five'], firstPage: 19 },
  ]);
  // 'front' is before the body, 'three' has a blank verso before it, 'five' opens on a verso.
  assert.deepEqual(printParts(ids, plan, 4), [
    { chapterIds: ['front'], firstPage: 1 },
    { chapterIds: ['one'], firstPage: 7 },
    { chapterIds: ['two', 'three'], firstPage: 11 },
    { chapterIds: ['four', 'five'], firstPage: 19 },
  ]);
  assert.deepEqual(printParts(ids, plan, 100), [{ chapterIds: ids, firstPage: 1 }]);
});

test('the default book printed in parts is the book printed whole, and the same bytes each time', async () => {
  const { book } = await loadBook(defaultManuscript);
  const staged = await stagePrint(book);
  const dir = staged.dir;
  const browser = new SharedBrowser();
  const date = new Date('2025-01-01T00:00:00Z');
  try {
    await browser.expect(4);
    const printing = { ...staged, browser };
    const plan = await measurePrint(printing);
    const whole = await printBook({ ...printing, plan, date });
    const parted = await printBook({ ...printing, plan, date, pagesPerPart: 4 });
    const again = await printBook({ ...printing, plan, date, pagesPerPart: 4 });
    assert.ok(printParts(staged.body.book.chapters.map((chapter) => chapter.id), plan, 4).length >= 3, 'the book is cut into at least three parts');
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
