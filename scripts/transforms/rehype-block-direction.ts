import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { firstStrongDirection, textDirection, type TextDirection } from '../config/text-direction.ts';
import { isNotesSection } from './rehype-book-footnotes.ts';

/** The blocks that get a direction of their own when their text runs the other way. */
const directedBlocks: ReadonlySet<string> = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'td', 'th', 'dt', 'dd', 'figcaption', 'pre']);

/** Blocks that hold other blocks: a block with one of these inside leaves the direction to them. */
const innerBlocks: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hr', 'li', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

/** Elements whose text never sets the direction of the block around them (as for `dir="auto"`). */
const skipped: ReadonlySet<string> = new Set(['script', 'style', 'textarea']);

/**
 * The direction of the first character of `nodes` that has one, in document order,
 * skipping what has a `dir` of its own (as HTML's `dir="auto"` does).
 */
function firstDirection(nodes: readonly (RootContent | ElementContent)[]): TextDirection | undefined {
  for (const node of nodes) {
    if (node.type === 'text') {
      const found = firstStrongDirection(node.value);
      if (found) return found;
    } else if (node.type === 'element' && node.properties.dir === undefined && !skipped.has(node.tagName)) {
      const found = firstDirection(node.children);
      if (found) return found;
    }
  }
  return undefined;
}

/** Options of {@link rehypeBlockDirection}. */
export interface BlockDirectionOptions {
  /** The book's language, whose direction its documents have (see `textDirection`); a chapter's own `lang` (front matter) comes first. */
  lang: string;
}

/**
 * Gives a block of text (a paragraph, a heading, a list item, a quotation, a cell, a
 * caption, a block of code...) whose text runs against the direction around it a `dir` of its own, taken
 * from its first letter as `dir="auto"` would: a Hebrew paragraph in an English book gets `dir="rtl"`, an
 * English one in an Arabic book `dir="ltr"`, so its punctuation sits where its reader
 * expects. Only those blocks are marked, so a book written in one direction throughout
 * is left as it was. A block that holds other blocks (a quotation of paragraphs, a loose
 * list's item, a cell holding a table) leaves the direction to each of them, so that a
 * quotation whose first line is Hebrew does not turn the English lines after it around.
 * A `dir` the manuscript set is kept, and sets the direction inside it.
 * Runs after the notes are gathered (`rehypeBookFootnotes`), so that notes are directed too.
 */
export default function rehypeBlockDirection(options: BlockDirectionOptions) {
  const walk = (nodes: readonly (RootContent | ElementContent)[], around: TextDirection): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      // The heading of a chapter's notes is a placeholder here: the book's label replaces it (see `titledTree`).
      if (isNotesSection(node)) walk(node.children.filter((child) => !(child.type === 'element' && child.tagName === 'h2')), around);
      else walk(node.children, ownDirection(node, around));
    }
  };
  const ownDirection = (element: Element, around: TextDirection): TextDirection => {
    const { dir } = element.properties;
    if (dir === 'rtl' || dir === 'ltr') return dir;
    if (dir !== undefined || !directedBlocks.has(element.tagName)) return around;
    if (element.children.some((child) => child.type === 'element' && innerBlocks.has(child.tagName))) return around;
    const found = firstDirection(element.children);
    if (!found || found === around) return around;
    element.properties.dir = found;
    return found;
  };
  return (tree: Root, file: VFile): void => {
    const lang = file.data.frontMatter?.lang;
    walk(tree.children, textDirection(typeof lang === 'string' ? lang : options.lang));
  };
}
