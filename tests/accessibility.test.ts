/**
 * Accessibility of the EPUB as Ace by DAISY checks it, on the default book and on
 * Moby-Dick, plus the package's accessibility metadata, which must follow the content.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { defaultManuscript, mobyDickManuscript } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runAce } from './helpers/run-ace.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const books = [
  { name: 'the default book', manuscript: defaultManuscript, file: 'the-commissar-who-crossed-over.epub' },
  { name: 'Moby-Dick', manuscript: mobyDickManuscript, file: 'moby-dick.epub' },
];

for (const book of books) {
  test(`Ace by DAISY reports no violation on ${book.name}`, async () => {
    const out = tempDir();
    const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', book.manuscript, '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    const epub = path.join(out, book.file);
    const violations = await runAce(epub);
    assert.deepEqual(violations, []);

    const opf = await (await readEpub(epub)).text('OEBPS/content.opf');
    for (const property of ['accessMode', 'accessModeSufficient', 'accessibilityFeature', 'accessibilityHazard', 'accessibilitySummary']) {
      assert.match(opf, new RegExp(`<meta property="schema:${property}">[^<]+</meta>`), property);
    }
    // Both books have images, all described: the metadata says so.
    assert.match(opf, /<meta property="schema:accessMode">visual<\/meta>/);
    assert.match(opf, /<meta property="schema:accessModeSufficient">textual<\/meta>/);
    assert.match(opf, /<meta property="schema:accessibilityFeature">alternativeText<\/meta>/);
  });
}
