import type { Element } from 'hast';
import { visit } from 'unist-util-visit';

/** Elements a printed page can begin with, for the EPUB's print page markers. */
const anchorTags = new Set(['p', 'li', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'td', 'figcaption', 'pre']);

/**
 * The elements of a rendered chapter where a print page marker can stand, in document
 * order. The print document and the EPUB copy the same chapter tree, so the n-th anchor
 * of one is the n-th anchor of the other.
 */
export function pageAnchors(section: Element): Element[] {
  const anchors: Element[] = [];
  visit(section, 'element', (node) => {
    if (anchorTags.has(node.tagName)) anchors.push(node);
  });
  return anchors;
}
