import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { reportError } from '../diagnostics/report.ts';

/**
 * Reads a manuscript text file into a VFile. The bytes must be UTF-8: a byte-order mark
 * is dropped, and an invalid sequence is a located `not-utf8` error (the file then has
 * an empty value, so later steps see nothing half-decoded).
 */
export async function readSource(filePath: string): Promise<VFile> {
  const bytes = await readFile(filePath);
  const file = new VFile({ path: filePath });
  try {
    file.value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    file.value = '';
    reportError(file, 'File is not valid UTF-8: save it as UTF-8', firstInvalidPoint(bytes), 'not-utf8');
  }
  return file;
}

/** Line and column of the first byte that is not part of a valid UTF-8 sequence. */
function firstInvalidPoint(bytes: Uint8Array): { line: number; column: number } {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lineStart = 0;
  let line = 1;
  for (let index = 0; index <= bytes.length; index++) {
    if (index < bytes.length && bytes[index] !== 0x0a) continue;
    const lineBytes = bytes.subarray(lineStart, index);
    try {
      decoder.decode(lineBytes);
    } catch {
      const lenient = new TextDecoder('utf-8').decode(lineBytes);
      return { line, column: lenient.indexOf('\uFFFD') + 1 };
    }
    lineStart = index + 1;
    line++;
  }
  return { line: 1, column: 1 };
}
