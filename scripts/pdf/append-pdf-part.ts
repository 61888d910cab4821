import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFPage,
  PDFPageLeaf,
  PDFRef,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { nameTreeEntries } from './name-tree.ts';

/**
 * Appends a later part of a book, as Chromium printed it, to the book so far, as one
 * tagged PDF: its pages after the book's; its structure elements as further children of
 * the book's one Document element, with their parent-tree keys (and the `StructParents`
 * of its pages and links) moved past the book's; its structure ids in the book's ID
 * tree; its bookmarks after the book's; and its named destinations, except
 * `outsideTargets`, the empty targets that only kept links into other parts alive (the
 * book's own destination of such a name, from the part that holds it, is the real one).
 * Structure ids must already be unique across parts (see `normalizeStructureIds`).
 */
export function appendPdfPart(book: PDFDocument, part: PDFDocument, outsideTargets: ReadonlySet<string>): void {
  const copier = PDFObjectCopier.for(part.context, book.context);
  const bookTree = structTree(book);
  const partTree = structTree(part);
  const bookOutlines = book.catalog.get(PDFName.of('Outlines'));
  const partOutlines = part.catalog.get(PDFName.of('Outlines'));
  // What points up to the part's Document element or bookmark root points to the book's.
  const mapped = (copier as unknown as { traversedObjects: Map<PDFObject, PDFObject> }).traversedObjects;
  mapped.set(partTree.documentRef, bookTree.documentRef);
  if (partOutlines instanceof PDFRef && bookOutlines instanceof PDFRef) mapped.set(partOutlines, bookOutlines);

  const offset = numberOf(bookTree.root, 'ParentTreeNextKey');
  for (const page of part.getPages()) {
    const ref = copier.copy(page.ref) as PDFRef;
    const node = book.context.lookup(ref) as PDFPageLeaf;
    shiftKey(node, 'StructParents', offset);
    for (const annotation of node.Annots()?.asArray() ?? []) shiftKey(book.context.lookup(annotation, PDFDict), 'StructParent', offset);
    book.addPage(PDFPage.of(node, ref, book));
  }

  const children = book.context.lookup(bookTree.document.get(PDFName.of('K')));
  const bookChildren = children instanceof PDFArray ? children : book.context.obj(children ? [bookTree.document.get(PDFName.of('K'))!] : []);
  bookTree.document.set(PDFName.of('K'), bookChildren);
  for (const child of asArray(part, partTree.document.get(PDFName.of('K')))) bookChildren.push(copier.copy(child));

  const nums = book.context.lookup(bookTree.root.get(PDFName.of('ParentTree')), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const partNums = part.context.lookup(partTree.root.get(PDFName.of('ParentTree')), PDFDict).lookup(PDFName.of('Nums'), PDFArray).asArray();
  for (let index = 0; index < partNums.length; index += 2) {
    nums.push(PDFNumber.of((partNums[index] as PDFNumber).asNumber() + offset));
    nums.push(copier.copy(partNums[index + 1]!));
  }
  bookTree.root.set(PDFName.of('ParentTreeNextKey'), PDFNumber.of(offset + numberOf(partTree.root, 'ParentTreeNextKey')));

  appendIds(book, bookTree.root, [...nameTreeEntries(part.context, partTree.root.get(PDFName.of('IDTree')))].map(([id, value]) => [id, copier.copy(value)] as const));
  appendOutline(book, part, copier);

  const dests = book.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict) ?? book.context.obj({});
  book.catalog.set(PDFName.of('Dests'), dests);
  for (const [name, value] of part.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)?.entries() ?? []) {
    if (!outsideTargets.has(name.decodeText())) dests.set(name, copier.copy(value));
  }
}

function structTree(document: PDFDocument): { root: PDFDict; document: PDFDict; documentRef: PDFRef } {
  const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const documentRef = root.get(PDFName.of('K'));
  if (!(documentRef instanceof PDFRef)) throw new Error('Chromium\'s tagged PDF has no single Document structure element');
  return { root, document: document.context.lookup(documentRef, PDFDict), documentRef };
}

function asArray(document: PDFDocument, value: PDFObject | undefined): PDFObject[] {
  if (value === undefined) return [];
  const looked = value instanceof PDFRef ? document.context.lookup(value) : value;
  return looked instanceof PDFArray ? looked.asArray() : [value];
}

function numberOf(dict: PDFDict, key: string): number {
  return dict.lookup(PDFName.of(key), PDFNumber).asNumber();
}

function shiftKey(dict: PDFDict, key: string, offset: number): void {
  const value = dict.lookupMaybe(PDFName.of(key), PDFNumber);
  if (value) dict.set(PDFName.of(key), PDFNumber.of(value.asNumber() + offset));
}

/** Adds entries (ids after all the book's, in order) to the book's ID tree, written as one leaf. */
function appendIds(book: PDFDocument, root: PDFDict, added: ReadonlyArray<readonly [string, PDFObject]>): void {
  if (added.length === 0) return;
  const existing = root.get(PDFName.of('IDTree'));
  const entries: Array<readonly [string, PDFObject]> = [...nameTreeEntries(book.context, existing), ...added];
  const names = entries.flatMap(([id, value]) => [PDFString.of(id), value]);
  const limits = [PDFString.of(entries[0]![0]), PDFString.of(entries.at(-1)![0])];
  const leaf = book.context.register(book.context.obj({ Limits: limits, Names: names }));
  root.set(PDFName.of('IDTree'), book.context.register(book.context.obj({ Kids: [leaf] })));
}

/** Hangs the part's top-level bookmarks after the book's last one. */
function appendOutline(book: PDFDocument, part: PDFDocument, copier: PDFObjectCopier): void {
  const partRoot = part.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const partFirst = partRoot?.get(PDFName.of('First'));
  if (!partRoot || !(partFirst instanceof PDFRef)) return;
  let bookRoot = book.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  if (!bookRoot) {
    bookRoot = book.context.obj({ Type: 'Outlines', Count: 0 });
    book.catalog.set(PDFName.of('Outlines'), book.context.register(bookRoot));
  }
  const first = copier.copy(partFirst) as PDFRef;
  const last = copier.copy(partRoot.get(PDFName.of('Last'))!) as PDFRef;
  const bookLast = bookRoot.get(PDFName.of('Last'));
  if (bookLast instanceof PDFRef) {
    book.context.lookup(bookLast, PDFDict).set(PDFName.of('Next'), first);
    book.context.lookup(first, PDFDict).set(PDFName.of('Prev'), bookLast);
  } else {
    bookRoot.set(PDFName.of('First'), first);
  }
  bookRoot.set(PDFName.of('Last'), last);
  const count = (bookRoot.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0) + (partRoot.lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0);
  bookRoot.set(PDFName.of('Count'), PDFNumber.of(count));
}
