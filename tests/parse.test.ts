/** Unit tests of the unified processor and the book's transforms, on small Markdown inputs. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { createProcessor } from '../scripts/parse/create-processor.ts';
import { serializeHtml } from '../scripts/render/serialize-html.ts';
import { serializeXhtml } from '../scripts/render/serialize-xhtml.ts';
import { tempDir } from './helpers/run-cli.ts';

async function parse(markdown: string, files: Record<string, string> = {}) {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const processor = createProcessor({ manuscriptDir: dir, settings: { lang: 'en' } });
  const file = new VFile({ path: path.join(dir, 'chapter.md'), value: markdown });
  const tree = await processor.run(processor.parse(file), file);
  return { tree, file, html: serializeHtml(tree) };
}

test('smart typography: curly quotes, en and em dashes, ellipses', async () => {
  const { html } = await parse(`"Double" and 'single', 1937--1938, a break---here, and so...`);
  assert.match(html, /“Double” and ‘single’, 1937–1938, a break—here, and so…/);
});

test('GFM: tables, strikethrough and autolinks', async () => {
  const { html } = await parse('| a | b |\n| - | - |\n| ~~x~~ | www.example.org |\n');
  assert.match(html, /<table>/);
  assert.match(html, /<del>x<\/del>/);
  assert.match(html, /<a href="http:\/\/www.example.org">/);
});

test('front matter is read into file.data, and a near miss is a located warning', async () => {
  const { file } = await parse('---\ntilte: "x"\nordinal: IV\n---\n\n# T\n');
  assert.deepEqual(file.data.frontMatter, { tilte: 'x', ordinal: 'IV' });
  assert.equal(file.messages.length, 1);
  assert.equal(file.messages[0]!.ruleId, 'unknown-key');
  assert.equal(file.messages[0]!.line, 2);
});

test('footnotes become noteref links and footnote asides with back links', async () => {
  const { html } = await parse('Text.[^a]\n\n[^a]: Note one.\n\n    Second paragraph.\n');
  assert.match(html, /<a id="fnref-a" href="#fn-a" class="noteref" epub:type="noteref" role="doc-noteref"><sup>1<\/sup><\/a>/);
  assert.match(html, /<aside id="fn-a" epub:type="footnote" role="doc-footnote" class="footnote"><p><a href="#fnref-a" role="doc-backlink" class="note-number">1.<\/a> Note one.<\/p>/);
  assert.match(html, /<p>Second paragraph.<\/p><\/aside>/);
  assert.doesNotMatch(html, /data-footnote-backref|↩/);
});

test('a note whose reference was inside removed HTML keeps its text, with no back link to point nowhere', async () => {
  // parse5 reads everything after an unclosed <style> as style text, the reference with it.
  const { html, file } = await parse('*<style>[^1]\n\n[^1]: a note\n');
  assert.doesNotMatch(html, /fnref-1/);
  assert.match(html, /<aside id="fn-1" epub:type="footnote" role="doc-footnote" class="footnote"><p><span class="note-number">1.<\/span> a note<\/p><\/aside>/);
  assert.ok(file.messages.some((message) => message.ruleId === 'unsafe-html' && message.line === 1));
});

test('an image alone in a paragraph becomes a figure; its title is the caption', async () => {
  const { html, file } = await parse('![Alt text.](images/x.svg "Figure 1. Caption.")\n', { 'images/x.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
  assert.equal(html, '<figure><img src="images/x.svg" alt="Alt text." /><figcaption>Figure 1. Caption.</figcaption></figure>');
  assert.deepEqual(file.data.assets, ['images/x.svg']);
});

test('pandoc-style definition lists become dl', async () => {
  const { html } = await parse('Cheka\n:   The first Soviet security police.\n');
  assert.match(html, /<dl>\s*<dt>Cheka<\/dt>\s*<dd>The first Soviet security police.\s*<\/dd>\s*<\/dl>/);
});

test('heading ids are valid XML names; the authored slug is kept as an alias', async () => {
  const { html, file } = await parse('## 1938: The Border\n');
  assert.match(html, /<h2 id="h-1938-the-border">/);
  assert.deepEqual(file.data.idAliases, { '1938-the-border': 'h-1938-the-border' });
});

test('a footnote whose label is not a name (`[^†]`) gets a valid id, which its reference finds decoded', async () => {
  const { html, file } = await parse('Almost[^†] so.\n\n[^†]: A dagger note.\n');
  const id = /<aside id="([^"]+)"/.exec(html)?.[1];
  assert.ok(id && /^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(id), `the note's id ${id} is an XML name`);
  assert.equal(file.data.idAliases?.['fn-†'], id, 'the fragment as a link spells it leads to the note');
  const reference = /<a id="([^"]+)" href="#([^"]+)" class="noteref"/.exec(html);
  assert.ok(reference, 'the reference is a noteref');
  assert.match(html, new RegExp(`<aside id="${id}"[^>]*>.*href="#${reference[1]}"`, 's'), 'the note links back to its reference');
});

test('links to chapters are marked for the book-level check; unsafe schemes are removed', async () => {
  const { tree, file, html } = await parse('[a](other.md#part) [b](#here) [c](https://example.org) [d](javascript:alert(1))\n');
  const paragraph = tree.children.find((node) => node.type === 'element')!;
  assert.equal(paragraph.type, 'element');
  const links = paragraph.children.filter((node) => node.type === 'element');
  assert.deepEqual(links.map((link) => link.data?.crossReference), [
    { targetPath: 'other.md', fragment: 'part' },
    { targetPath: 'chapter.md', fragment: 'here' },
    undefined,
    undefined,
  ]);
  assert.doesNotMatch(html, /javascript:/);
  assert.equal(file.messages[0]?.ruleId, 'unsafe-link');
});

test('XHTML serialisation escapes markup-like text and drops characters XML forbids', async () => {
  const { tree } = await parse('Text with ]]> and --> and <?xml and &bogus; and a bell\u0007.\n');
  const xhtml = serializeXhtml(tree);
  assert.match(xhtml, /\]\]&#x3E; and –&#x3E; and &#x3C;\?xml and &#x26;bogus; and a bell\./);
});

test('quotes pair across emphasis and links; code and markup-like text are left alone', async () => {
  const { html } = await parse(`"*Pequod*," he said. '[Ahab](x.md)' -- the '90s. Use \`"raw" --\`. If x < y and "a" & b...\n`);
  assert.match(html, /“<em>Pequod<\/em>,” he said\. ‘<a href="x.md">Ahab<\/a>’ – the ’90s\./);
  assert.match(html, /<code>"raw" --<\/code>/);
  assert.match(html, /If x &#x3C; y and “a” &#x26; b…/);
});

test('captions and alt text get smart typography too', async () => {
  const { html } = await parse(`![The service's "names" -- in order...](images/x.svg "Figure 1. Lyushkov's posts -- 1920--1938.")\n`, { 'images/x.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>' });
  assert.match(html, /alt="The service’s “names” – in order…"/);
  assert.match(html, /<figcaption>Figure 1\. Lyushkov’s posts – 1920–1938\.<\/figcaption>/);
});
