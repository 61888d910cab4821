import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { isNotesSection } from '../transforms/rehype-book-footnotes.ts';

/** What a chapter's tree has beyond its parse (see `titleChapter`), and the notes' heading. */
export interface TreeEdits {
  /** Leave out the first heading: it only repeats the book's title. */
  dropFirstHeading: boolean;
  /** Move every heading outside the notes up this many levels. */
  shift: number;
  /** A title to add as the chapter's `h1`, for a chapter that has none of its own. */
  heading?: string;
  /** The heading of the chapter's notes, in the book's language. */
  notes: string;
}

/**
 * A parsed chapter's tree as the book shows it (`tree` itself, changed): the heading that
 * repeats the book's title left out, headings moved up so the title is an `h1`, a declared
 * title added as one, and the notes under the heading the book's labels give them. The
 * parse and its cache are the same in every book; these depend on the book.
 */
export function titledTree(tree: Root, edits: TreeEdits): Root {
  if (edits.dropFirstHeading || edits.shift > 0) {
    let first = edits.dropFirstHeading;
    visit(tree, 'element', (node, index, parent) => {
      if (isNotesSection(node)) return SKIP;
      const level = /^h([1-6])$/.exec(node.tagName);
      if (!level) return undefined;
      if (first && parent && index !== undefined) {
        first = false;
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      node.tagName = `h${Math.max(1, Number(level[1]) - edits.shift)}`;
      return undefined;
    });
  }
  if (edits.heading !== undefined) tree.children.unshift(h('h1', edits.heading));
  for (const node of tree.children) {
    if (node.type !== 'element' || !isNotesSection(node)) continue;
    const heading = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'h2');
    if (heading) heading.children = [{ type: 'text', value: edits.notes }];
  }
  return tree;
}
