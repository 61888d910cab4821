import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { safeDecode } from './rehype-resources.ts';

const xmlName = /^[\p{L}_][\p{L}\p{N}_.\-\u00B7]*$/u;

/** True when `id` is a valid XML name without colons, as EPUB's XHTML requires. */
export function isXmlId(id: string): boolean {
  return xmlName.test(id);
}

/**
 * Makes every id a valid XML name (EPUBCheck rejects `id="1938-the-border"`): an id that
 * starts with a digit or holds other characters gets an `h-` prefix and a cleaned body.
 * The authored slug keeps working in links through `file.data.idAliases`, under the id as
 * written and as a link spells it once decoded: GFM percent-encodes a footnote's label in
 * its id (`[^†]` gives `fn-%E2%80%A0`), and a link's fragment is read decoded (`fn-†`).
 */
export default function rehypeXmlIds() {
  return (tree: Root, file: VFile): void => {
    const aliases: Record<string, string> = {};
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id !== 'string' || isXmlId(id)) return;
      const fixed = `h-${id.replace(/[^\p{L}\p{N}_.\-]/gu, '-')}`;
      aliases[id] = fixed;
      aliases[safeDecode(id)] = fixed;
      node.properties.id = fixed;
    });
    file.data.idAliases = aliases;
  };
}
