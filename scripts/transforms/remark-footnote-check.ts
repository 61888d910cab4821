import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { reportError, reportWarning } from '../diagnostics/report.ts';

const undefinedReference = /\[\^([^\]\s]+)\]/g;

/**
 * Finds footnote trouble that GFM parses silently: a reference `[^x]` with no definition
 * stays plain text (an error, `undefined-footnote`), and a definition nobody references is
 * dropped from the output (a warning, `unused-footnote`). Runs before smart typography, so
 * columns match the source.
 */
export default function remarkFootnoteCheck() {
  return (tree: Root, file: VFile): void => {
    const referenced = new Set<string>();
    visit(tree, 'footnoteReference', (node) => {
      referenced.add(node.identifier);
    });
    visitParents(tree, 'text', (node, ancestors) => {
      for (const match of node.value.matchAll(undefinedReference)) {
        const start = node.position?.start;
        // Text that GFM made from an autolink literal has no position: the nearest ancestor's is used.
        const place = start && !node.value.slice(0, match.index).includes('\n')
          ? { line: start.line, column: start.column + match.index! }
          : start ?? ancestors.findLast((ancestor) => ancestor.position)?.position?.start;
        reportError(file, `Footnote \`[^${match[1]}]\` has no definition`, place, 'undefined-footnote');
      }
    });
    visit(tree, 'footnoteDefinition', (node) => {
      if (!referenced.has(node.identifier)) {
        reportWarning(file, `Footnote \`[^${node.label ?? node.identifier}]\` is defined but never referenced`, node.position, 'unused-footnote');
      }
    });
  };
}
