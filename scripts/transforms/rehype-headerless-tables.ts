import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * GFM has no table without a header row, so such tables are written with an empty one
 * (`| | |` over `|-|-|`). An empty header row is noise to a screen reader (Ace reports
 * empty table headers), so a table whose header cells are all empty loses its `thead`.
 */
export default function rehypeHeaderlessTables() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'table') return;
      node.children = node.children.filter(
        (child) => !(child.type === 'element' && child.tagName === 'thead' && toString(child as Element).trim() === ''),
      );
    });
  };
}
