import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/**
 * Turns an image that stands alone in its paragraph into a figure. The image's title
 * becomes the visible caption and its alt text stays the text alternative, so
 * `![A chart of ...](chart.svg "Figure 1. The posts he held.")` gives both.
 */
export default function rehypeFigures() {
  return (tree: Root): void => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || index === undefined || !parent) return;
      const image = loneImage(node.children);
      if (!image) return;
      const title = image.properties.title;
      delete image.properties.title;
      const children: ElementContent[] = [image];
      if (typeof title === 'string' && title.trim() !== '') children.push(h('figcaption', title.trim()));
      const figure = h('figure', children);
      figure.position = node.position;
      parent.children[index] = figure;
    });
  };
}

function loneImage(children: readonly ElementContent[]): Element | undefined {
  const meaningful = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const only = meaningful[0];
  return meaningful.length === 1 && only?.type === 'element' && only.tagName === 'img' ? only : undefined;
}
