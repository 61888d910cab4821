/**
 * Bad bytes in a manuscript: a byte-order mark, CRLF line endings, control characters and
 * markup look-alikes are handled, and a runaway file or line is a located `too-large` error
 * rather than a build that exhausts memory. (Generated cases: tests/property.test.ts.)
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBook } from '../scripts/parse/load-book.ts';
import { ManuscriptError } from '../scripts/diagnostics/errors.ts';
import { renderEpubDocuments } from '../scripts/epub/render-epub.ts';
import { maxLineBytes, maxSourceBytes } from '../scripts/manuscript/read-source.ts';
import { tempDir } from './helpers/run-cli.ts';
import { xmlError } from './helpers/xml-well-formed.ts';

function manuscript(chapter: string | Buffer): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'book.yaml'), 'title: "Bad Input"\n');
  writeFileSync(path.join(dir, 'a.md'), chapter);
  return dir;
}

async function errorsOf(dir: string): Promise<string[]> {
  try {
    await loadBook(dir);
  } catch (error) {
    assert.ok(error instanceof ManuscriptError);
    return error.files.flatMap((file) => file.messages.filter((message) => message.fatal).map((message) => `${message.line}:${message.column} ${message.ruleId}`));
  }
  return [];
}

test('a byte-order mark and CRLF line endings: positions stay right and the XHTML is clean', async () => {
  const dir = manuscript(Buffer.from('\uFEFF---\r\ntitle: "Crlf"\r\n---\r\n\r\n# Crlf\r\n\r\nSecond [^gone] line.\r\n', 'utf8'));
  assert.deepEqual(await errorsOf(dir), ['7:8 undefined-footnote']);
  writeFileSync(path.join(dir, 'a.md'), Buffer.from('\uFEFF---\r\ntitle: "Crlf"\r\n---\r\n\r\n# Crlf\r\n\r\nText with \u0000 NUL, \u0007 bell, ]]> and --> and <?xml and &bogus; and &#0;.\r\n', 'utf8'));
  const { book } = await loadBook(dir);
  assert.equal(book.chapters[0]!.title, 'Crlf');
  const chapter = renderEpubDocuments(book).find((document) => document.filename === 'a.xhtml')!;
  assert.equal(xmlError(chapter.xhtml), undefined);
  assert.doesNotMatch(chapter.xhtml, /\r|\uFEFF/);
  assert.match(chapter.xhtml, /Text with \uFFFD NUL,  bell, \]\]&#x3E; and –&#x3E; and &#x3C;\?xml and &#x26;bogus; and \uFFFD\./);
});

test('a file over the size limit, or a line over the line limit, is a located too-large error', async () => {
  const paragraph = `${'word '.repeat(200)}\n\n`;
  const huge = `# Huge\n\n${paragraph.repeat(Math.ceil((maxSourceBytes + 1) / paragraph.length))}`;
  assert.deepEqual(await errorsOf(manuscript(huge)), ['1:1 too-large']);
  const longLine = `# Long\n\nfine\n\n${'x'.repeat(maxLineBytes + 1)}\n`;
  assert.deepEqual(await errorsOf(manuscript(longLine)), ['5:1 too-large']);
});
