import { execFileSync } from 'node:child_process';

/** `pdfinfo`'s fields, by name. */
export function pdfInfo(file: string): Record<string, string> {
  const text = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(
    text.split('\n').filter((line) => line.includes(':')).map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
    }),
  );
}

/** One row of `pdffonts`. */
export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

/** The fonts of a PDF, as `pdffonts` lists them. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    // Columns: name, type (may contain spaces), encoding, emb, sub, uni, object, id.
    const fields = line.trim().split(/\s+/);
    const embedded = fields.at(-5) === 'yes';
    return { name: fields[0]!, type: fields.slice(1, -6).join(' '), embedded };
  });
}

/**
 * The text of a PDF, or of pages `first` to `last`, as `pdftotext -layout` reads it. Soft
 * hyphens (U+00AD, the print build's hyphenation points, which Chromium keeps in the text
 * layer) are removed, so words read whole unless they were broken at a line end.
 */
export function pdfText(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).replace(/\u00AD/g, '');
}
