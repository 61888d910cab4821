/**
 * Whatever ordinary Markdown, images and raw HTML come in, the EPUB is valid. The
 * `converted` fixture holds what users bring: GFM tables with every alignment, figures
 * with line breaks and stray captions, a graph layout program's SVG (DOCTYPE with an
 * external DTD, `version="1"`), a drawing program's SVG (editor namespaces, metadata, a
 * script, handlers, a remote image, a foreignObject), Standard Ebooks style `epub:type`
 * values and word-processor markup. It must pass both EPUBChecks with no error, report
 * every change it made at its place, keep its text, and ship the same cleaned SVG in every
 * output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { VFile } from 'vfile';
import { sanitizeSvg } from '../scripts/manuscript/sanitize-svg.ts';
import { fixturesDir, projectRoot } from './helpers/paths.ts';
import { readEpub } from './helpers/read-epub.ts';
import { pdfText } from './helpers/read-pdf.ts';
import { runCliAsync, tempDir, type CliRun } from './helpers/run-cli.ts';
import { epubcheckJava, epubcheckTs } from './helpers/validate-epub.ts';

const manuscript = path.join(fixturesDir, 'books/converted');
const at = path.relative(projectRoot, manuscript);

/** Every located diagnostic the build must print, in order. */
const expectedDiagnostics = [
  `${at}/01-tables.md:12:39: warning: HTML attribute \`align\` on \`<th>\` was removed: it is not allowed in a book [unsafe-html]`,
  `${at}/01-tables.md:18:1: warning: A \`<figure>\` has one caption, first or last, in an EPUB: its caption was moved to its end, after what followed it [html-structure]`,
  `${at}/01-tables.md:24:150: warning: A \`<figure>\` has one caption, first or last, in an EPUB: its 2 captions were joined at its end [html-structure]`,
  `${at}/02-poems.md:7:1: warning: \`epub:type\` value \`foo:bar\` on \`<p>\` was removed: its prefix \`foo\` names no vocabulary EPUB knows (known: z3998, se) [epub-type-prefix]`,
  `${at}/03-word-soup.md:7:20: warning: HTML \`<font>\` is not allowed in a book and was removed; its content is kept [unsafe-html]`,
  `${at}/03-word-soup.md:10:42: warning: \`<div>\` cannot stand inside \`<span>\` in an EPUB: the \`<span>\` was split around it, and carried inside it [html-structure]`,
  `${at}/03-word-soup.md:11:27: warning: \`<p>\` cannot stand inside \`<em>\` in an EPUB: the \`<em>\` was split around it, and carried inside it [html-structure]`,
  `${at}/03-word-soup.md:12:39: warning: \`<div>\` cannot stand inside \`<h2>\` in an EPUB: it became a \`<span>\` [html-structure]`,
  `${at}/03-word-soup.md:13:41: warning: Text directly inside \`<ul>\` cannot stand there in an EPUB: it was moved into the item before it [html-structure]`,
  `${at}/03-word-soup.md:13:64: warning: \`<div>\` directly inside \`<ul>\` cannot stand there in an EPUB: it was moved into the item before it [html-structure]`,
  `${at}/03-word-soup.md:14:24: warning: \`<div>\` cannot stand inside \`<pre>\` in an EPUB: it became a \`<span>\` [html-structure]`,
  `${at}/images/lighthouse.svg:19:11: warning: The SVG image's event handler \`onload\` on \`<svg>\` was removed: a drawing runs no script [unsafe-svg]`,
  `${at}/images/lighthouse.svg:43:3: warning: The SVG image's \`<script>\` was removed with its content: a drawing keeps no script or embedded document [unsafe-svg]`,
  `${at}/images/lighthouse.svg:45:83: warning: The SVG image's event handler \`onclick\` on \`<rect>\` was removed: a drawing runs no script [unsafe-svg]`,
  `${at}/images/lighthouse.svg:48:61: warning: The SVG image's reference \`xlink:href="http://127.0.0.1:9/rock.png"\` on \`<image>\` was removed: a drawing may load no other file [unsafe-svg]`,
  `${at}/images/lighthouse.svg:51:5: warning: The SVG image's \`<foreignObject>\` was removed with its content: a drawing keeps no script or embedded document [unsafe-svg]`,
];

let out: string;
let run: CliRun;
const epubFile = () => path.join(out, 'converted-pages.epub');

before(async () => {
  out = tempDir();
  run = await runCliAsync(['build', '--manuscript', manuscript, '--out', out]);
});

test('the converted book builds, with a located warning for every change', () => {
  assert.equal(run.status, 0, run.stderr);
  const located = run.stderr.split('\n').filter((line) => / \[[a-z-]+\]$/.test(line));
  assert.deepEqual(located, expectedDiagnostics);
});

test('the converted book passes both EPUB validators with no errors', async () => {
  const ts = await epubcheckTs(epubFile());
  assert.equal(ts.errors, 0, `epubcheck-ts:\n${ts.report}`);
  const java = epubcheckJava(epubFile());
  assert.equal(java.errors, 0, `EPUBCheck 4.2.6:\n${java.report}`);
});

test('table alignment is a class in every output, never an align attribute', async () => {
  const epub = await readEpub(epubFile());
  const outputs = {
    epub: await epub.text('OEBPS/01-tables.xhtml'),
    web: readFileSync(path.join(out, 'html/01-tables.html'), 'utf8'),
    print: readFileSync(path.join(out, 'html/print.html'), 'utf8'),
  };
  for (const [name, markup] of Object.entries(outputs)) {
    assert.doesNotMatch(markup, /\salign=/, name);
    // The print edition adds ids and soft hyphens: the cells are told apart by their classes alone.
    const classes = [...markup.matchAll(/<(th|td)(?: class="([^"]*)")?[ >]/g)].map(([, cell, names]) => `${cell}.${names ?? ''}`);
    assert.deepEqual(classes, [
      'th.align-left', 'th.align-center', 'th.align-right', 'th.',
      'td.align-left', 'td.align-center', 'td.align-right', 'td.', 'td.align-left', 'td.align-center', 'td.align-right', 'td.',
      'th.align-right', 'th.', 'td.align-right', 'td.',
    ], name);
  }
  assert.match(await epub.text('OEBPS/style.css'), /\.align-right \{ text-align: right; \}/);
  assert.match(await epub.text('OEBPS/03-word-soup.xhtml'), /<div class="align-center">A centred line of text\.<\/div>/);
});

test('known epub:type vocabularies are declared, and their values kept', async () => {
  const poems = await (await readEpub(epubFile())).text('OEBPS/02-poems.xhtml');
  assert.match(poems, /<html [^>]*epub:prefix="z3998: http:\/\/www\.daisy\.org\/z3998\/2012\/vocab\/structure\/# se: https:\/\/standardebooks\.org\/vocab\/1\.0"/);
  assert.match(poems, /<p epub:type="se:name\.vessel z3998:hymn">/);
  assert.match(poems, /<p epub:type="chapter">A value with a prefix no one declared\.<\/p>/);
});

test('raw HTML keeps its text wherever it was moved to', async () => {
  const epub = await readEpub(epubFile());
  const text = (await epub.text('OEBPS/01-tables.xhtml')) + (await epub.text('OEBPS/03-word-soup.xhtml'));
  for (const phrase of [
    'Routes drawn by hand.', 'The lighthouse, redrawn.<br />Drawn in 1911.</figcaption></figure>', 'Source: the port office.',
    '<div class="calibre5"><span class="bold">A division inside a bold span.</span></div>',
    '<p><em class="calibre6">An emphasised paragraph, inside out.</em></p>', 'A heading with a <span class="calibre8">division</span> in it</h2>',
    '<li>First item Loose words in the list<div>and a division</div></li>', '<span>a division in preformatted text</span></pre>',
    'Old font markup around words.',
  ]) {
    assert.ok(text.includes(phrase), phrase);
  }
  assert.ok(pdfText(path.join(out, 'converted-pages.pdf')).includes('A division inside a bold span.'));
});

test('every output ships the same cleaned SVG: no DOCTYPE, script, handler or outside reference, and the drawing kept', async () => {
  const epub = await readEpub(epubFile());
  for (const name of ['harbour.svg', 'lighthouse.svg', 'emblem.svg']) {
    const shipped = Buffer.from(await epub.zip.file(`OEBPS/images/${name}`)!.async('uint8array'));
    assert.ok(shipped.equals(readFileSync(path.join(out, 'html/images', name))), `${name}: the web and print editions ship the EPUB's file`);
    const svg = shipped.toString('utf8');
    assert.doesNotMatch(svg, /<!DOCTYPE|<!ENTITY|&ns_|<script|<foreignObject|\son[a-z]+=|127\.0\.0\.1|sodipodi|inkscape|adobe/i, name);
    const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
    const root = document.documentElement!;
    assert.notEqual(root.getAttribute('version'), '1', name);
    const count = (tag: string) => root.getElementsByTagName(tag).length;
    if (name === 'harbour.svg') {
      assert.deepEqual([count('ellipse'), count('text'), count('path')], [2, 3, 1]);
      assert.equal(root.getElementsByTagName('a')[0]!.getAttribute('xlink:href'), 'https://example.org/routes', 'a link to the web stays');
    } else if (name === 'emblem.svg') {
      assert.equal(root.namespaceURI, 'http://www.w3.org/2000/svg', 'the namespace declared through an entity');
      assert.deepEqual([count('circle'), count('switch')], [1, 1]);
    } else {
      assert.deepEqual([count('rect'), count('path'), count('polygon'), count('use'), count('metadata')], [2, 1, 1, 1, 1]);
      assert.equal(root.getElementsByTagName('use')[0]!.getAttribute('xlink:href'), '#layer1-base', 'a reference inside the drawing stays');
    }
  }
  // The minimal book's SVG needs no cleaning: it ships byte for byte (see epub-fidelity).
});

test('sanitizeSvg: what each kind of reference and script becomes, and an unreadable file', () => {
  const clean = (svg: string) => {
    const file = new VFile({ path: 'x.svg' });
    return { text: sanitizeSvg(svg, file), messages: file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.fatal ? 'error' : 'warning'}`) };
  };
  const plain = '<svg xmlns="http://www.w3.org/2000/svg" version="1.1"><rect width="1" height="1"/></svg>';
  assert.deepEqual(clean(plain), { text: undefined, messages: [] });
  // A drawing sized by its viewBox alone gets that size, so an icon is not stretched to the page's width.
  const sizeless = clean('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 12"><rect width="1" height="1"/></svg>');
  assert.deepEqual(sizeless.messages, []);
  assert.match(sizeless.text ?? '', /^<svg [^>]*width="24" height="12"/);
  assert.equal(clean('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 12" width="100%"><g/></svg>').text, undefined);
  const busy = clean([
    '<?xml-stylesheet href="http://example.org/a.css"?>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1">',
    '<style>@import url(http://example.org/b.css);</style><style>rect { fill: url(#g); }</style>',
    '<a href="javascript:alert(1)"><text>a</text></a><a href="https://example.org/">b</a>',
    '<image href="data:image/png;base64,iVBORw0KGgo="/><image xlink:href="../../outside.png"/>',
    '<rect style="fill: url(https://example.org/c.svg#p)"/><set attributeName="href" to="javascript:alert(2)"/>',
    '</svg>',
  ].join('\n'));
  assert.deepEqual(busy.messages, [
    '1:1 unsafe-svg warning', '3:1 unsafe-svg warning', '4:9 unsafe-svg warning', '5:69 unsafe-svg warning', '6:13 unsafe-svg warning', '6:55 unsafe-svg warning',
  ]);
  assert.ok(busy.text !== undefined);
  assert.doesNotMatch(busy.text, /xml-stylesheet|@import|javascript|outside\.png|example\.org\/c|<set|version=/);
  assert.match(busy.text, /rect \{ fill: url\(#g\); \}/);
  assert.match(busy.text, /<a href="https:\/\/example\.org\/">b<\/a>/);
  assert.match(busy.text, /<image href="data:image\/png;base64,iVBORw0KGgo="\/>/);
  assert.deepEqual(clean('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>').messages, ['1:41 invalid-svg error']);
  assert.deepEqual(clean('<html xmlns="http://www.w3.org/1999/xhtml"/>').messages, ['undefined:undefined invalid-svg error']);
  // Entities of the internal subset are expanded once: a reference inside a value stays, and is an error, as is one to an external entity, which is never read.
  const nested = clean('<!DOCTYPE svg [<!ENTITY a "&b;&b;"><!ENTITY b "x">]><svg xmlns="http://www.w3.org/2000/svg"><text>&a;</text></svg>');
  assert.deepEqual(nested.messages, ['1:93 invalid-svg error']);
  const external = clean('<!DOCTYPE svg [<!ENTITY e SYSTEM "/etc/hostname">]><svg xmlns="http://www.w3.org/2000/svg"><text>&e;</text></svg>');
  assert.deepEqual(external.messages.map((message) => message.split(' ').slice(1).join(' ')), ['invalid-svg error']);
});
