/**
 * GFM with autolink literals and tables left out of chapters that cannot hold them
 * (`remark-gfm-where-used.ts`) must parse every text exactly as remark-gfm does: the same
 * mdast, positions included, on generated Markdown dense with the characters those
 * constructs start from, on the hostile fixtures' alphabet, and on real books.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import remarkGfmWhereUsed from '../scripts/transforms/remark-gfm-where-used.ts';
import { hostileMarkdown } from './helpers/manuscript-arbitraries.ts';
import { defaultManuscript, mobyDickManuscript } from './helpers/paths.ts';

const runs = Number(process.env.QUIRE_PROPERTY_RUNS ?? 1000);
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);
const ours = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfmWhereUsed);

function assertSameParse(markdown: string): void {
  assert.deepEqual(ours.runSync(ours.parse(markdown)), reference.runSync(reference.parse(markdown)), JSON.stringify(markdown));
}

/** Pieces of tables and autolinks, whole and broken, with the block syntax around them. */
const pieces = [
  'a', 'b c', ' ', '  ', '\n', '\n\n', '|', ' | ', ':', '-', '--', '---', ':-', '-:', ':-:', ': -', '- :', '| - |', '|:--|--:|',
  'www.', 'ww.', 'w.', 'WWW.', 'www', '.com', 'x.org', 'http://', 'https://', 'http:/', 'HTTPS://', 'mailto:', 'xmpp:', '@', 'me@x.org',
  'a.b', '_', '~~', '*', '`', '\\', '&#46;', '&#64;', '&colon;', '> ', '\n- ', '\n1. ', '\n    ', '[^1]', '\n[^1]: n\n', '[x](y)', '<http://a.b>', '(', ')', '!',
];
const piecewise = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
/** The same pieces without a `|`, `@`, `:-`, `-:`, `www.` or `://` in any one of them, which can still meet across pieces. */
const nearMisses = fc.array(fc.constantFrom(...pieces.filter((piece) => !/\||@|:-|-:|www\.|:\/\//i.test(piece))), { maxLength: 40 }).map((parts) => parts.join(''));

/** Short lines of those pieces, so that a line and the delimiter row under it meet often. */
const linePieces = ['a', 'b', ' ', '|', ':', '-', ':-', '-:', '--', 'www.', '@', 'x.org', 'http://', '> ', '- ', '1. ', '*', '`'];
const lines = fc
  .array(fc.array(fc.constantFrom(...linePieces), { maxLength: 4 }).map((parts) => parts.join('')), { maxLength: 8 })
  .map((parts) => parts.join('\n'));

test('tables without a pipe, and autolinks of every kind, escaped triggers too, parse as remark-gfm parses them', () => {
  const cases = ['a\n:-', 'a\n-:', 'a\n:-:', 'x\n\na\n:--\nb', 'a | b\n- | -', 'a\n---', 'me@x.org', 'mailto:me@x.org', 'xmpp:me@x.org/a',
    'www.x.org', 'WWW.X.ORG', 'https://x.org', 'HTTP://X.ORG/a?b', 'a www. b', 'ftp://x.org',
    // Triggers written with escapes or character references, which GFM resolves before it looks.
    'www\\.x.org', 'http\\://x.org', 'https:\\/\\/x.org', 'me\\@x.org', 'www&#46;x.org', 'me&#64;x.org', 'http&colon;//x.org', 'www&period;x.org'];
  for (const markdown of cases) assertSameParse(markdown);
});

test(`${runs} generated short lines of table and autolink pieces parse as remark-gfm parses them`, () => {
  fc.assert(fc.property(lines, assertSameParse), { numRuns: runs });
});

test(`${runs} generated texts built from table and autolink pieces parse as remark-gfm parses them`, () => {
  fc.assert(fc.property(piecewise, assertSameParse), { numRuns: runs });
});

test(`${runs} generated texts of near misses (no whole trigger in any piece) parse as remark-gfm parses them`, () => {
  fc.assert(fc.property(nearMisses, assertSameParse), { numRuns: runs });
});

test(`${runs} hostile generated chapters parse as remark-gfm parses them`, () => {
  fc.assert(fc.property(hostileMarkdown, assertSameParse), { numRuns: runs });
});

test('the default book and Moby-Dick parse as remark-gfm parses them, chapter by chapter', () => {
  const chapters = [defaultManuscript, mobyDickManuscript].flatMap((dir) =>
    readdirSync(dir).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name)),
  );
  assert.ok(chapters.length > 140);
  for (const chapter of chapters) assertSameParse(readFileSync(chapter, 'utf8'));
});
