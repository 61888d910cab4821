import assert from 'node:assert/strict';
import { pdfFonts, pdfInfo } from './read-pdf.ts';
import { epubcheckJava, epubcheckTs } from './validate-epub.ts';

/** Asserts that both EPUB validators report no error and no warning. */
export async function assertValidEpub(file: string): Promise<void> {
  const ts = await epubcheckTs(file);
  assert.deepEqual({ errors: ts.errors, warnings: ts.warnings }, { errors: 0, warnings: 0 }, `epubcheck-ts:\n${ts.report}`);
  const java = epubcheckJava(file);
  assert.deepEqual({ errors: java.errors, warnings: java.warnings }, { errors: 0, warnings: 0 }, `EPUBCheck 4.2.6:\n${java.report}`);
}

/**
 * Asserts what every print PDF must be, read back with poppler: 6 × 9 in pages, tagged,
 * Title and Author set, and every font embedded with none of them Type 3 (a synthesised face).
 */
export function assertPrintPdf(file: string, expected: { title: string; author: string }): Record<string, string> {
  const info = pdfInfo(file);
  assert.equal(info['Page size'], '432 x 648 pts');
  assert.equal(info.Tagged, 'yes');
  assert.equal(info.Title, expected.title);
  assert.equal(info.Author, expected.author);
  const fonts = pdfFonts(file);
  assert.ok(fonts.length > 0, 'the PDF has fonts');
  for (const font of fonts) {
    assert.ok(font.embedded, `${font.name} is embedded`);
    assert.ok(!/Type 3/.test(font.type), `${font.name} is not Type 3`);
  }
  for (const face of ['EBGaramond-Regular', 'EBGaramond-Italic', 'EBGaramond-Bold']) {
    assert.ok(fonts.some((font) => font.name.endsWith(`+${face}`)), `${face} is embedded`);
  }
  return info;
}
