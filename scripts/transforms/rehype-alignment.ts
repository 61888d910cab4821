import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** The alignments a book styles, each as the class `align-<value>` (see `templates/styles/base.css`). */
export const alignments: readonly string[] = ['left', 'center', 'right', 'justify'];

/**
 * Turns presentational alignment into classes, which every output styles and a theme can
 * restyle: the `align` that GFM tables put on their cells (`| :--- | ---: |`) and that
 * word processors put on paragraphs, divisions, headings and cells, and `<center>`, which
 * becomes a `<div class="align-center">`. EPUB 3's XHTML has neither. Runs before the
 * sanitiser, which removes (and reports) any `align` left: one with a value not in
 * {@link alignments}.
 */
export default function rehypeAlignment() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'center') {
        node.tagName = 'div';
        addClass(node, 'align-center');
        return;
      }
      const align = node.properties.align;
      if (typeof align !== 'string') return;
      const value = align.trim().toLowerCase();
      if (!alignments.includes(value)) return;
      delete node.properties.align;
      addClass(node, `align-${value}`);
    });
  };
}

function addClass(node: Element, name: string): void {
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  if (!classes.includes(name)) node.properties.className = [...classes, name];
}
