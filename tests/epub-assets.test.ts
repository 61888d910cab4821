/** What the EPUB does with images, fonts and covers, and whether a real reading system opens it. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import sharp from 'sharp';
import { maxImageSide, optimizeImage } from '../scripts/epub/optimize-image.ts';
import { packageEpub } from '../scripts/epub/package-epub.ts';
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

/** Each entry of a zip archive as its local header gives it: name, method (0 stored, 8 deflated) and sizes. */
function zipEntries(zip: Uint8Array): Array<{ name: string; method: number; compressed: number; size: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries = [];
  for (let offset = 0; view.getUint32(offset, true) === 0x04034b50; ) {
    // The fields of a local file header, at their offsets in it.
    const method = view.getUint16(offset + 8, true);
    const compressed = view.getUint32(offset + 18, true);
    const size = view.getUint32(offset + 22, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength));
    entries.push({ name, method, compressed, size });
    offset += 30 + nameLength + extraLength + compressed;
  }
  return entries;
}

test('fonts and images that do not shrink are stored in the archive, the rest deflated', async () => {
  const random = (length: number) => Uint8Array.from({ length }, (_, index) => (index * 2654435761) >>> 24 ^ (index * 40503) & 0xff);
  const photo = await sharp(random(200 * 200 * 3), { raw: { width: 200, height: 200, channels: 3 } }).jpeg({ quality: 95 }).toBuffer();
  const drawing = await sharp({ create: { width: 1200, height: 1800, channels: 3, background: '#f4efe6' } }).jpeg({ quality: 100, chromaSubsampling: '4:4:4' }).toBuffer();
  const zip = await packageEpub({
    title: 'T', lang: 'en', opf: '<package/>', nav: '<html/>', ncx: '<ncx/>', css: 'p { margin: 0 }', modified: new Date(0),
    documents: [{ filename: 'a.xhtml', xhtml: `<html>${'<p>Call me Ishmael.</p>'.repeat(200)}</html>` }],
    files: [
      { path: 'fonts/face.woff2', data: random(20_000) },
      { path: 'images/photo.jpg', data: new Uint8Array(photo) },
      { path: 'images/drawing.jpg', data: new Uint8Array(drawing) },
      { path: 'images/mark.svg', data: '<svg xmlns="http://www.w3.org/2000/svg">' + '<g/>'.repeat(500) + '</svg>' },
    ],
  });
  const method = new Map(zipEntries(zip).map((entry) => [entry.name, entry.method]));
  assert.deepEqual(
    ['mimetype', 'OEBPS/fonts/face.woff2', 'OEBPS/images/photo.jpg', 'OEBPS/images/drawing.jpg', 'OEBPS/images/mark.svg', 'OEBPS/a.xhtml'].map((name) => method.get(name)),
    [0, 0, 0, 8, 8, 8],
  );
});
