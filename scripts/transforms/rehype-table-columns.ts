import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { addClass } from './add-class.ts';

/** From this many columns a table is `wide`: set smaller, with narrower cell padding. */
export const wideTableColumns = 6;

/** From this many columns a table is `very-wide`: smaller still. */
export const veryWideTableColumns = 12;

/**
 * Classes a table by its number of columns, so that the styles set a table of many columns
 * in a smaller size rather than let it run past the text block (which would make Chromium
 * shrink every printed page). A class, not a `:has()` selector, because e-readers and
 * EPUBCheck's CSS parser do not all know `:has()`.
 */
export default function rehypeTableColumns() {
  return (tree: Root): void => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'table') return;
      const columns = columnCount(node);
      const size = columns >= veryWideTableColumns ? 'very-wide' : columns >= wideTableColumns ? 'wide' : undefined;
      if (size) addClass(node, size);
    });
  };
}

/** The most cells (counting `colspan`) in any row of the table, nested tables aside. */
function columnCount(table: Element): number {
  let most = 0;
  visit(table, 'element', (node) => {
    if (node !== table && node.tagName === 'table') return 'skip';
    if (node.tagName !== 'tr') return undefined;
    let cells = 0;
    for (const cell of node.children) {
      if (cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th')) cells += Number(cell.properties.colSpan ?? 1) || 1;
    }
    most = Math.max(most, cells);
    return 'skip';
  });
  return most;
}
