/** What the EPUB does with images, fonts and covers, and whether a real reading system opens it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { maxImageSide, optimizeImage } from '../scripts/epub/optimize-image.ts';
import { defaultManuscript, fixturesDir, mobyDickManuscript } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { runCli, tempDir } from './helpers/run-cli.ts';

test('large images are scaled to 3,200 px and progressive JPEGs become baseline', async () => {
  const png = await sharp({ create: { width: 4800, height: 2400, channels: 3, background: '#336699' } }).png().toBuffer();
  const scaled = await sharp(await optimizeImage(png, 'image/png')).metadata();
  assert.deepEqual([scaled.width, scaled.height, scaled.format], [maxImageSide, 1600, 'png']);
  const progressive = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#993322' } }).jpeg({ progressive: true }).toBuffer();
  const baseline = await sharp(await optimizeImage(progressive, 'image/jpeg')).metadata();
  assert.deepEqual([baseline.width, baseline.isProgressive], [800, false]);
  const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
  assert.equal(await optimizeImage(svg, 'image/svg+xml'), svg);
});

test('a book without a cover gets one drawn from the templates', async () => {
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', path.join(fixturesDir, 'books/minimal'), '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const epub = await readEpub(path.join(out, 'a-minimal-book.epub'));
  assert.match(await epub.text('OEBPS/content.opf'), /<item id="cover-image" href="images\/cover.jpg" media-type="image\/jpeg" properties="cover-image"\/>/);
  assert.match(await epub.text('OEBPS/cover.xhtml'), /<img src="images\/cover.jpg" alt="Cover of A Minimal Book" role="doc-cover"\/>/);
  const cover = await sharp(await epub.zip.file('OEBPS/images/cover.jpg')!.async('uint8array')).metadata();
  assert.deepEqual([cover.width, cover.height, cover.format], [1600, 2560, 'jpeg']);
});

test('the EPUB embeds the book face, with a serif fallback for readers that turn it off', async () => {
  const out = tempDir();
  const run = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', defaultManuscript, '--out', out]);
  assert.equal(run.status, 0, run.stderr);
  const epub = await readEpub(path.join(out, 'the-commissar-who-crossed-over.epub'));
  const css = await epub.text('OEBPS/style.css');
  assert.match(css, /@font-face\s*{[^}]*font-family: 'EB Garamond';[^}]*src: url\(fonts\/eb-garamond-latin-400-normal\.woff2\)/);
  assert.match(css, /html { font-family: "EB Garamond", [^;]*serif;/);
  const opf = await epub.text('OEBPS/content.opf');
  assert.equal((opf.match(/media-type="font\/woff2"/g) ?? []).length, epub.names.filter((name) => name.endsWith('.woff2')).length);
  assert.ok(epub.names.includes('OEBPS/fonts/eb-garamond-latin-700-italic.woff2'));
});

for (const [name, manuscript, file] of [
  ['the default book', defaultManuscript, 'the-commissar-who-crossed-over'],
  ['Moby-Dick', mobyDickManuscript, 'moby-dick'],
] as const) {
  test(`Calibre converts ${name} to AZW3 (the Kindle pipeline) without errors`, () => {
    const out = tempDir();
    const build = runCli(['build', '--format', 'epub', '--quiet', '--manuscript', manuscript, '--out', out]);
    assert.equal(build.status, 0, build.stderr);
    const azw3 = path.join(out, `${file}.azw3`);
    const run = spawnSync('ebook-convert', [path.join(out, `${file}.epub`), azw3], {
      encoding: 'utf8',
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen' },
      timeout: 300_000,
    });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.doesNotMatch(`${run.stdout}\n${run.stderr}`, /\b(Error|Traceback|Failed)\b/);
    assert.ok(existsSync(azw3) && statSync(azw3).size > 10_000);
  });
}
