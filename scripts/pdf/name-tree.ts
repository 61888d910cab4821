import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';

/** The entries of a PDF name tree (its `Names` leaves, through any `Kids`), key and value, in order. */
export function* nameTreeEntries(context: PDFContext, node: PDFObject | undefined): Generator<[string, PDFObject]> {
  if (node === undefined) return;
  const dict = context.lookup(node, PDFDict);
  const names = dict.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
  for (let index = 0; index + 1 < names.length; index += 2) {
    const key = names[index];
    if (key instanceof PDFString || key instanceof PDFHexString) yield [key.decodeText(), names[index + 1]!];
  }
  for (const kid of dict.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) yield* nameTreeEntries(context, kid);
}
