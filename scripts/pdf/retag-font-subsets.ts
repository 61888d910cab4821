import { PDFDict, PDFName, type PDFDocument } from 'pdf-lib';

const subsetName = /^([A-Z]{6})\+(.*)$/;

/**
 * Gives every font subset of `document` whose tag (the `ABCDEF+` before a subset font's
 * name) is in `used` a tag that is not, and adds every tag it keeps or gives to `used`.
 * Chromium tags the subsets of each print `AAAAAA`, `BAAAAA`, …, so parts printed apart
 * repeat tags, and different subsets in one PDF must have different tags. New tags are
 * taken in order, so the result does not depend on the run.
 */
export function retagFontSubsets(document: PDFDocument, used: Set<string>): void {
  const renamed = new Map<string, string>();
  let candidate = 0;
  const fonts = document.context.enumerateIndirectObjects().map(([, object]) => object).filter((object): object is PDFDict => object instanceof PDFDict);
  for (const descriptor of fonts.filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of('FontDescriptor'))) {
    const name = descriptor.lookupMaybe(PDFName.of('FontName'), PDFName)?.decodeText();
    const match = name && subsetName.exec(name);
    if (!match) continue;
    let tag = match[1]!;
    if (used.has(tag)) {
      while (used.has(tagOf(candidate))) candidate++;
      tag = tagOf(candidate);
    }
    used.add(tag);
    const next = `${tag}+${match[2]}`;
    renamed.set(name, next);
    descriptor.set(PDFName.of('FontName'), PDFName.of(next));
  }
  for (const font of fonts.filter((dict) => dict.get(PDFName.of('Type')) === PDFName.of('Font'))) {
    const base = font.lookupMaybe(PDFName.of('BaseFont'), PDFName)?.decodeText();
    const next = base && renamed.get(base);
    if (next) font.set(PDFName.of('BaseFont'), PDFName.of(next));
  }
}

/** The `index`th six-letter tag: AAAAAA, BAAAAA, … ZAAAAA, ABAAAA, … (as Chromium counts). */
function tagOf(index: number): string {
  let rest = index;
  let tag = '';
  for (let letter = 0; letter < 6; letter++) {
    tag += String.fromCharCode(65 + (rest % 26));
    rest = Math.floor(rest / 26);
  }
  return tag;
}
