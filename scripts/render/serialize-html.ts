import type { Nodes, Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/** unified's HTML compiler, with every element closed as polyglot markup closes it. */
const htmlCompiler = unified().use(rehypeStringify, { closeSelfClosing: true, closeEmptyElements: true }).freeze();

/** Serialises a hast tree as HTML for the web edition and the print document. */
export function serializeHtml(tree: Nodes): string {
  const root: Root = tree.type === 'root' ? tree : { type: 'root', children: [tree] };
  return htmlCompiler.stringify(root);
}
