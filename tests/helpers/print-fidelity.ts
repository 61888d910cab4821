/**
 * Measures of a print PDF against the Markdown it was built from, read back with poppler:
 * the size body text is set at, code lines missing from the text layer, and words printed
 * outside the text block. Each returns what it found, so a test can assert on it and a
 * script can print it.
 */
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Root, Text } from 'mdast';
import type { PageWords, WordBox } from './word-boxes.ts';

function parse(markdown: string): Root {
  return unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).parse(markdown);
}

/** The lines of every fenced or indented code block of the chapters, in order; blank lines left out. */
export function codeLines(chapters: readonly string[]): string[] {
  const lines: string[] = [];
  for (const markdown of chapters) {
    visit(parse(markdown), 'code', (node) => {
      for (const line of node.value.split('\n')) if (line.trim() !== '') lines.push(line);
    });
  }
  return lines;
}

/**
 * The words (four letters or more, Latin script, lower case) of the chapters' running prose:
 * text of paragraphs (not of footnotes, tables, code or raw HTML). A PDF word that is one of these is
 * most likely body text.
 */
export function proseWords(chapters: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const markdown of chapters) {
    visit(parse(markdown), 'paragraph', (paragraph, _index, parent) => {
      if (parent?.type === 'footnoteDefinition') return;
      visit(paragraph, 'text', (text: Text) => {
        for (const word of text.value.toLowerCase().match(/\b[a-z]{4,}\b/g) ?? []) words.add(word);
      });
    });
  }
  return words;
}

/** The median height, in points, of the word boxes of body text: PDF words that are prose words. */
export function bodyTextHeight(pages: readonly PageWords[], prose: ReadonlySet<string>): { median: number; words: number } {
  const words = pages.flatMap((page) => page.words).filter((word) => prose.has(word.text.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')));
  return { median: medianHeight(words), words: words.length };
}

/** The median height of word boxes, in points: the size the text is set at, give or take the face's line gap. */
export function medianHeight(words: readonly WordBox[]): number {
  const heights = words.map((word) => word.yMax - word.yMin).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)] ?? 0;
}

/** Print margins in points, as `templates/styles/print.css` sets them (inner is the gutter). */
export interface PrintMargins {
  top: number;
  bottom: number;
  inner: number;
  outer: number;
}

/** The default template's margins: 0.7in top, 0.75in bottom, 0.85in gutter, 0.6in outside. */
export const defaultMargins: PrintMargins = { top: 0.7 * 72, bottom: 0.75 * 72, inner: 0.85 * 72, outer: 0.6 * 72 };

/** The text block of a page: rectos (odd pages) have the gutter on the left, versos on the right. */
export function textBlock(page: PageWords, margins: PrintMargins = defaultMargins): { left: number; right: number; top: number; bottom: number } {
  const recto = page.page % 2 === 1;
  return {
    left: recto ? margins.inner : margins.outer,
    right: page.width - (recto ? margins.outer : margins.inner),
    top: margins.top,
    bottom: page.height - margins.bottom,
  };
}

/** A word printed where it should not be. */
export interface StrayWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
}

/** Words whose box reaches left or right of the page's text block (by more than `tolerance` points). */
export function wordsOutsideTextBlock(pages: readonly PageWords[], margins: PrintMargins = defaultMargins, tolerance = 1): StrayWord[] {
  return pages.flatMap((page) => {
    const block = textBlock(page, margins);
    return page.words
      .filter((word) => word.xMin < block.left - tolerance || word.xMax > block.right + tolerance)
      .map((word) => ({ page: page.page, text: word.text, xMin: Math.round(word.xMin * 10) / 10, xMax: Math.round(word.xMax * 10) / 10 }));
  });
}

/**
 * Whitespace, zero-width characters, arrows and hooks (the continuation marks a wrapped
 * code line may carry) and soft hyphens: removed from both sides before code is compared.
 */
const ignored = /[\s\u00AD\u200B-\u200D\u2060\uFEFF\u2190-\u21FF\u2900-\u297F\u2B00-\u2BFF\u23CE\u00AC]/gu;

/** Code text with whitespace, wrap points and continuation marks removed. */
export function squeezeCode(text: string): string {
  return text.normalize('NFKC').replace(ignored, '');
}

/**
 * The source code lines that the PDF does not print whole: the words of the pages' text
 * blocks (running heads and folios left out, since a wrapped line may continue over a page
 * turn), squeezed and joined, must contain each squeezed line.
 */
export function missingCodeLines(pages: readonly PageWords[], lines: readonly string[], margins: PrintMargins = defaultMargins): string[] {
  const printed = squeezeCode(
    pages
      .flatMap((page) => {
        const block = textBlock(page, margins);
        return page.words.filter((word) => word.yMax > block.top && word.yMin < block.bottom).map((word) => word.text);
      })
      .join(''),
  );
  return lines.filter((line) => !printed.includes(squeezeCode(line)));
}
