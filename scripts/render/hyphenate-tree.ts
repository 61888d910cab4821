import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { projectRoot } from '../toolchain/toolchain-paths.ts';

/** A function that inserts soft hyphens into a run of text. */
export type Hyphenator = (text: string) => string;

const require = createRequire(path.join(projectRoot, 'package.json'));
const skipped = new Set(['code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'th', 'a', 'svg']);

/**
 * The hyphenator for a BCP 47 language tag, from the `hyphen` package's TeX patterns
 * (`en-GB` tries `en-gb`, then `en`), or undefined when there are no patterns for it.
 * Chromium has no hyphenation dictionaries of its own here, so print relies on these.
 */
export async function loadHyphenator(lang: string): Promise<Hyphenator | undefined> {
  const tag = lang.toLowerCase();
  for (const candidate of [tag, tag.split('-')[0]!]) {
    let resolved: string;
    try {
      resolved = require.resolve(`hyphen/${candidate}/index.js`);
    } catch {
      continue;
    }
    if (!existsSync(resolved)) continue;
    const module = (await import(resolved)) as { default: { hyphenateSync(text: string, options?: object): string } };
    return hyphenatingEachWordOnce((word) => module.default.hyphenateSync(word, { minWordLength: 6, skipHTML: false }));
  }
  return undefined;
}

/** A run of letters long enough to hyphenate (six or more), as the `hyphen` package reads words. */
const hyphenatable = /[\p{L}\p{M}]{6,}/gu;

/**
 * A hyphenator that hands `hyphenateWord` each long word of a text, once per distinct
 * word: `hyphen` sets up its text reader on every call, which costs more than the
 * patterns for the many short text nodes of a book, and a book repeats most of its words.
 * A book's text comes out the same as from one call per text node, in much less time (see
 * docs/performance.md, 'Figures behind the design').
 */
function hyphenatingEachWordOnce(hyphenateWord: (word: string) => string): Hyphenator {
  const known = new Map<string, string>();
  const once = (word: string) => {
    let hyphenated = known.get(word);
    if (hyphenated === undefined) known.set(word, (hyphenated = hyphenateWord(word)));
    return hyphenated;
  };
  return (text) => text.replace(hyphenatable, once);
}

/**
 * Inserts soft hyphens into the running text of a tree, in place. Headings, table
 * headers, captions, links and code are left alone: a break there reads badly or changes meaning.
 */
export function hyphenateTree(tree: Root | Element, hyphenate: Hyphenator): void {
  visit(tree, (node) => {
    if (node.type === 'element' && skipped.has(node.tagName)) return SKIP;
    if (node.type === 'text') node.value = hyphenate(node.value);
    return undefined;
  });
}
