import type { Element, ElementContent, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Wraps each line of a code block (`pre > code`) in a `span.line`, so that the styles can
 * wrap a line longer than the text block with a hanging indent and a continuation mark,
 * and keep a wrapped line together across a page break. The newline that ends a line
 * stays inside its span, so the block's text is what was written. Inline markup inside a
 * line (from raw HTML, or a highlighter later) is kept; an element that spans a line break
 * is split into one copy per line, with the same tag and properties.
 */
export default function rehypeCodeLines() {
  return (tree: Root): void => {
    visit(tree, 'element', (node, _index, parent) => {
      if (node.tagName !== 'code' || !parent || parent.type !== 'element' || parent.tagName !== 'pre') return;
      node.children = splitIntoLines(node.children).map((line) => ({
        type: 'element',
        tagName: 'span',
        properties: { className: ['line'] },
        children: line,
      }));
      return 'skip';
    });
  };
}

/** Cuts `nodes` into lines, each ending with its newline (the last may have none); a final empty line is dropped. */
function splitIntoLines(nodes: readonly ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  const append = (line: ElementContent[]) => {
    lines.at(-1)!.push(...line);
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      const pieces = node.value.split(/(?<=\n)/);
      pieces.forEach((piece, at) => {
        if (at > 0) lines.push([]);
        if (piece !== '') append([{ type: 'text', value: piece } satisfies Text]);
      });
      // A piece ending in a newline closes its line.
      if (node.value.endsWith('\n')) lines.push([]);
    } else if (node.type === 'element') {
      const inner = splitIntoLines(node.children);
      inner.forEach((children, at) => {
        if (at > 0) lines.push([]);
        if (children.length > 0) append([{ ...node, children }]);
      });
      if (endsWithNewline(node)) lines.push([]);
    } else {
      append([node]);
    }
  }
  // Only the last line can be empty: the text ended with a newline.
  if (lines.length > 1 && lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

/** Whether the last text inside `node` ends a line. */
function endsWithNewline(node: Element): boolean {
  const last = node.children.at(-1);
  if (!last) return false;
  if (last.type === 'text') return last.value.endsWith('\n');
  return last.type === 'element' && endsWithNewline(last);
}
