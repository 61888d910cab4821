import type { Nodes } from 'hast';
import { toXast } from 'hast-util-to-xast';
import type { Nodes as XastNodes, Root as XastRoot, Text as XastText } from 'xast';
import { toXml } from 'xast-util-to-xml';
import { withoutForbiddenXml } from '../xml/forbidden-characters.ts';

/**
 * Serialises a hast tree as XHTML for EPUB, through xast so that namespaces, empty
 * elements and escaping follow XML rather than HTML. Characters XML forbids are dropped,
 * `>` in text is escaped (`]]>` may not appear in XML character data), and every `lang`
 * is doubled as `xml:lang`.
 */
export function serializeXhtml(tree: Nodes): string {
  const xast = toXast(tree);
  escapeGreaterThan(xast);
  return toXml(xast, { closeEmptyElements: true, allowDangerousXml: true });
}

function escapeGreaterThan(node: XastNodes): void {
  if (!('children' in node)) return;
  const children: XastNodes[] = [];
  for (const child of node.children) {
    if (child.type === 'text') {
      const value = withoutForbiddenXml(child.value);
      const parts = value.split('>');
      parts.forEach((part, index) => {
        if (index > 0) children.push({ type: 'raw', value: '&#x3E;' } as unknown as XastText);
        if (part) children.push({ type: 'text', value: part });
      });
    } else {
      if (child.type === 'element') {
        for (const [key, value] of Object.entries(child.attributes)) {
          if (typeof value === 'string') child.attributes[key] = withoutForbiddenXml(value);
        }
        // EPUB reading systems read the language from `xml:lang`; HTML tools from `lang`.
        if (typeof child.attributes.lang === 'string') child.attributes['xml:lang'] = child.attributes.lang;
      }
      escapeGreaterThan(child);
      children.push(child);
    }
  }
  (node as XastRoot).children = children as XastRoot['children'];
}
