import type { Element, ElementContent, Root } from 'hast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { reportError } from '../diagnostics/report.ts';

/** Options of {@link rehypeNestingLimit}. */
export interface NestingLimitOptions {
  /** Deepest element nesting a chapter may have. Default 100. */
  maxDepth?: number;
}

/**
 * Refuses pathological nesting (`> > > ...` 300 times, say) with a located `too-deep`
 * error at the first element past the limit. libxml2, the XML parser under many reading
 * systems, rejects documents nested deeper than 256 elements, so the default limit of 100
 * leaves room for the templates around a chapter. Walks without recursion.
 */
export default function rehypeNestingLimit(options: NestingLimitOptions = {}) {
  const maxDepth = options.maxDepth ?? 100;
  return (tree: Root, file: VFile): void => {
    // `place` is the position of the nearest element that has one: elements HTML parsing
    // closes implicitly have none of their own.
    const stack: Array<{ node: Root | Element; depth: number; place: Position | undefined }> = [{ node: tree, depth: 0, place: tree.position }];
    while (stack.length > 0) {
      const { node, depth, place } = stack.pop()!;
      for (const child of node.children as ElementContent[]) {
        if (child.type !== 'element') continue;
        const childPlace = child.position ?? place;
        if (depth + 1 > maxDepth) {
          reportError(file, `Elements are nested more than ${maxDepth} deep here: flatten the quotes, lists or HTML`, childPlace ?? { line: 1, column: 1 }, 'too-deep');
          return;
        }
        stack.push({ node: child, depth: depth + 1, place: childPlace });
      }
    }
  };
}
