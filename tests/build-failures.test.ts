/** Failures of the machine, not of the manuscript: clear messages, fixed exit codes, nothing written. */
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fixturesDir } from './helpers/paths.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const manuscript = path.join(fixturesDir, 'books/minimal');

test('without a browser the PDF build says how to get one, exits 3 and writes nothing', () => {
  const out = tempDir();
  writeFileSync(path.join(out, 'keep.txt'), 'an earlier build\n');
  const run = runCli(['build', '--manuscript', manuscript, '--out', out], { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' });
  assert.equal(run.status, 3, run.stderr);
  assert.match(run.stderr, /PUPPETEER_EXECUTABLE_PATH is set to \/nonexistent\/chromium, but no file is there/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
  assert.deepEqual(readdirSync(out), ['keep.txt'], 'the EPUB rendered before the failure was not written either');
});

test('a bad command line prints the usage and exits 2', () => {
  const run = runCli(['build', '--format', 'docx']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /Unknown format "docx"/);
  assert.match(run.stderr, /Usage: quire build/);
});

test('a successful build replaces earlier outputs whole and keeps unrelated files', () => {
  const out = tempDir();
  writeFileSync(path.join(out, 'a-minimal-book.epub'), 'stale');
  writeFileSync(path.join(out, 'notes.txt'), 'mine');
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['a-minimal-book.epub', 'notes.txt']);
  assert.deepEqual(readdirSync(path.dirname(out)).filter((name) => name.includes(`${path.basename(out)}.staging-`)), []);
});

test('the web edition holds only its pages, styles, fonts and images: no working files', () => {
  const out = tempDir();
  const run = runCli(['build', '--quiet', '--manuscript', manuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(readdirSync(path.join(out, 'html')).sort(), ['01-opening.html', '02-closing.html', 'fonts', 'images', 'index.html', 'print.html', 'styles']);
});
