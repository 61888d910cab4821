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

/** The paragraph's only child besides white space, when it is an image. Copies no text: most paragraphs are long prose. */
function loneImage(children: readonly ElementContent[]): Element | undefined {
  let image: Element | undefined;
  for (const child of children) {
    if (child.type === 'text' && !/\S/.test(child.value)) continue;
    if (image || child.type !== 'element' || child.tagName !== 'img') return undefined;
    image = child;
  }
  return image;
}
