/**
 * The words a book prints, in its language, in every output: Russian, Japanese and Arabic
 * books built through the command line and read back (EPUB nav, landmarks, NCX, chapter
 * notes, the print contents through pdftotext, the web edition), with their output file
 * names; and a `labels:` override, which a rebuild must not serve stale from the caches.
 * Glyphs are not checked: fonts for these scripts are another matter.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { assertValidEpub } from './helpers/book-checks.ts';
import { fixturesDir } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

const books = path.join(fixturesDir, 'books');

/** What an EPUB prints of its labels: the nav's heading, landmarks and document title, the first chapter's notes heading. */
async function epubLabels(file: string): Promise<{ toc: string; landmarks: string[]; navTitle: string; notes: string | undefined; chapters: string[] }> {
  const epub = await readEpub(file);
  const nav = await epub.text('OEBPS/toc.xhtml');
  const landmarks = nav.slice(nav.indexOf('epub:type="landmarks"'));
  const first = await epub.text(epub.names.find((name) => /OEBPS\/01-[^/]+\.xhtml$/.test(name))!);
  const ncx = await epub.text('OEBPS/toc.ncx');
  return {
    toc: /<h1 id="toc-title">([^<]*)<\/h1>/.exec(nav)![1]!,
    landmarks: [...landmarks.matchAll(/<a epub:type="[^"]+" href="[^"]+">([^<]*)<\/a>/g)].map((match) => match[1]!),
    navTitle: /<title>([^<]*)<\/title>/.exec(nav)![1]!,
    notes: /<h2 id="notes-title" class="notes-title">([^<]*)<\/h2>/.exec(first)?.[1],
    chapters: [...ncx.matchAll(/<navLabel><text>([^<]*)<\/text>/g)].map((match) => match[1]!),
  };
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

test('a Russian book prints Russian words in the EPUB, the print edition and the web edition, under a transliterated file name', async () => {
  const out = tempDir();
  const run = runCli(['build', '--manuscript', path.join(books, 'russian'), '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(readdirSync(out).sort(), ['html', 'smotritel-mayaka.epub', 'smotritel-mayaka.pdf']);
  const epub = path.join(out, 'smotritel-mayaka.epub');
  assert.deepEqual(await epubLabels(epub), {
    toc: 'Содержание',
    landmarks: ['Обложка', 'Титульный лист', 'Содержание', 'Начало текста'],
    navTitle: 'Содержание',
    notes: 'Примечания',
    chapters: ['Прибытие', 'Ступени', 'Буря'],
  });
  await assertValidEpub(epub);
  const text = pdfText(path.join(out, 'smotritel-mayaka.pdf'));
  assert.match(text, /^\f*Содержание$/m);
  assert.match(text, /^Прибытие[ .]+1$/m);
  assert.match(text, /^\f*Примечания$/m);
  assert.doesNotMatch(text, /Contents|Notes|Set in/);
  const home = readFileSync(path.join(out, 'html', 'index.html'), 'utf8');
  assert.match(home, /<h2>Содержание<\/h2>/);
  assert.doesNotMatch(home, />Contents</);
  assert.match(readFileSync(path.join(out, 'html', '01-pribytie.html'), 'utf8'), /<a href="index.html">Содержание<\/a>/);
});

test('Japanese and Arabic books print their own words and keep their titles’ sense in their file names', async () => {
  const cases = [
    { book: 'japanese', file: 'deng-tai-shou.epub', toc: '目次', notes: '注', start: '本文' },
    { book: 'arabic', file: 'hrs-lmnrh.epub', toc: 'المحتويات', notes: 'الهوامش', start: 'بداية النص' },
  ];
  for (const { book, file, toc, notes, start } of cases) {
    const out = tempDir();
    const run = runCli(['build', '--format', 'epub', '--manuscript', path.join(books, book), '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(readdirSync(out), [file]);
    const labels = await epubLabels(path.join(out, file));
    assert.equal(labels.toc, toc);
    assert.equal(labels.navTitle, toc);
    assert.equal(labels.notes, notes);
    assert.ok(labels.landmarks.includes(start), `${book}: ${labels.landmarks.join(', ')}`);
    assert.ok(!labels.landmarks.some((landmark) => /[A-Za-z]/.test(landmark)), `${book}: no English landmark`);
  }
});

test('a `labels:` override changes every output, and a rebuild with it does not serve the chapters stale from the caches', async () => {
  const manuscript = path.join(tempDir(), 'russian');
  cpSync(path.join(books, 'russian'), manuscript, { recursive: true });
  const env = { QUIRE_CACHE_DIR: tempDir('quire-cache-') };
  const out = tempDir();
  assert.equal(runCli(['build', '--format', 'epub,pdf', '--manuscript', manuscript, '--out', out], env).status, 0);

  appendFileSync(path.join(manuscript, 'book.yaml'), 'labels:\n  contents: Оглавление\n  notes: Сноски\n  contnets: x\n');
  const run = runCli(['build', '--format', 'epub,pdf', '--manuscript', manuscript, '--out', out], env);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stderr, /book\.yaml:8:3: warning: Unknown label `contnets` in `labels`: did you mean `contents`\? It is not used \[unknown-key\]/);
  const labels = await epubLabels(path.join(out, 'smotritel-mayaka.epub'));
  assert.equal(labels.toc, 'Оглавление');
  assert.equal(labels.notes, 'Сноски', 'the EPUB chapter is rendered again');
  const text = pdfText(path.join(out, 'smotritel-mayaka.pdf'));
  assert.match(text, /^\f*Оглавление$/m);
  assert.match(text, /^\f*Сноски$/m, 'the print chapter is rendered again');
  assert.doesNotMatch(text, /Примечания|Содержание/);
});
