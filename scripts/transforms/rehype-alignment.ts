import type { ElementContent, Root, RootContent } from 'hast';
import { addClass } from './add-class.ts';

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
  // A plain walk: unist-util-visit's ancestor lists, unused here, are slow to keep (see docs/performance.md).
  const walk = (nodes: readonly (RootContent | ElementContent)[]): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'center') {
        node.tagName = 'div';
        addClass(node, 'align-center');
      } else if (typeof node.properties.align === 'string') {
        const value = node.properties.align.trim().toLowerCase();
        if (alignments.includes(value)) {
          delete node.properties.align;
          addClass(node, `align-${value}`);
        }
      }
      walk(node.children);
    }
  };
  return (tree: Root): void => walk(tree.children);
}
