import { PDFArray, PDFDict, PDFHexString, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const nodeId = /^node(\d+)$/;

/**
 * Makes the ids of a tagged PDF's structure elements independent of the run. Chromium
 * names each element after the renderer's DOM node id (`node00000058`), which it hands
 * out on demand, so the same document can get other numbers on another run. Every such
 * id, wherever it appears (an element's `/ID`, the keys and limits of the `/IDTree`), is
 * replaced by its rank among all of them, in the same zero-padded form: the order of the
 * keys, which the name tree's lookups rely on, is unchanged. Ranks count from `first`, so
 * that parts of a book printed apart get ids that follow each other's; returns the rank
 * after the last.
 */
export function normalizeStructureIds(document: PDFDocument, first = 1): number {
  const found = new Set<string>();
  const objects = document.context.enumerateIndirectObjects().map(([, object]) => object);
  for (const object of objects) {
    visit(object, (text) => {
      found.add(text);
    });
  }
  if (found.size === 0) return first;
  const ranked = [...found].sort((a, b) => Number(nodeId.exec(a)![1]) - Number(nodeId.exec(b)![1]));
  const renamed = new Map(ranked.map((old, index) => [old, `node${String(first + index).padStart(8, '0')}`]));
  for (const object of objects) visit(object, (text) => renamed.get(text));
  return first + ranked.length;
}

/** Walks dictionaries and arrays; `onId` sees each node-id string and may return its replacement. */
function visit(object: PDFObject, onId: (text: string) => string | undefined | void): void {
  const replace = (value: PDFObject): PDFObject | undefined => {
    if (value instanceof PDFString || value instanceof PDFHexString) {
      const text = value.decodeText();
      if (!nodeId.test(text)) return undefined;
      const next = onId(text);
      if (typeof next !== 'string') return undefined;
      return value instanceof PDFString ? PDFString.of(next) : PDFHexString.fromText(next);
    }
    visit(value, onId);
    return undefined;
  };
  if (object instanceof PDFDict) {
    for (const [key, value] of object.entries()) {
      const next = replace(value);
      if (next) object.set(key, next);
    }
  } else if (object instanceof PDFArray) {
    object.asArray().forEach((value, index) => {
      const next = replace(value);
      if (next) object.set(index, next);
    });
  }
}
