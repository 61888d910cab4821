import type { Root, RootContent } from 'hast';
import rehypeRaw from 'rehype-raw';
import type { VFile } from 'vfile';

/**
 * rehype-raw, run only on a chapter that holds raw HTML. rehype-raw parses the whole
 * tree again through parse5 to place the raw HTML; on a tree without `raw` nodes that
 * costs a large share of the transforms' time and changes nothing (see
 * docs/performance.md, 'Figures behind the design').
 */
export default function rehypeRawWhenPresent() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile): Root => (hasRaw(tree.children) ? parseRaw(tree, file) : tree);
}

/** True when a `raw` node is among `nodes` or below them. */
function hasRaw(nodes: readonly RootContent[]): boolean {
  for (const node of nodes) {
    if (node.type === 'raw') return true;
    if (node.type === 'element' && hasRaw(node.children)) return true;
  }
  return false;
}
