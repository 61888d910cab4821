import { readFile } from 'node:fs/promises';
import { VFile } from 'vfile';
import { reportError } from '../diagnostics/report.ts';

/** The largest manuscript text file read, in bytes (16 MB: a long novel is about 1.5 MB). */
export const maxSourceBytes = 16 * 1024 * 1024;
/** The longest line read, in bytes: parsing one huge line takes hundreds of times its size in memory. */
export const maxLineBytes = 1024 * 1024;

/**
 * Reads a manuscript text file into a VFile. The bytes must be UTF-8: a byte-order mark
 * is dropped, and an invalid sequence is a located `not-utf8` error (the file then has
 * an empty value, so later steps see nothing half-decoded). A file over
 * {@link maxSourceBytes}, or with a line over {@link maxLineBytes}, is a `too-large` error
 * and is not parsed, so a runaway file stops the build instead of exhausting memory.
 */
export async function readSource(filePath: string): Promise<VFile> {
  const bytes = await readFile(filePath);
  const file = new VFile({ path: filePath });
  if (bytes.length > maxSourceBytes) {
    file.value = '';
    reportError(file, `File is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; at most ${maxSourceBytes / 1024 / 1024} MB is read: split it into chapters`, { line: 1, column: 1 }, 'too-large');
    return file;
  }
  const longLine = firstLongLine(bytes);
  if (longLine) {
    file.value = '';
    reportError(file, `Line is ${(longLine.bytes / 1024 / 1024).toFixed(1)} MB long; at most ${maxLineBytes / 1024 / 1024} MB is read: break it into paragraphs`, { line: longLine.line, column: 1 }, 'too-large');
    return file;
  }
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

/** The first line longer than {@link maxLineBytes}, with its number and length. */
function firstLongLine(bytes: Uint8Array): { line: number; bytes: number } | undefined {
  let line = 1;
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    if (end - start > maxLineBytes) return { line, bytes: end - start };
    start = end + 1;
    line++;
  }
  return undefined;
}
