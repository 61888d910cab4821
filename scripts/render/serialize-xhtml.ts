import type { Nodes } from 'hast';
import { toXast } from 'hast-util-to-xast';
import { toXml } from 'xast-util-to-xml';

/** Characters that XML 1.0 forbids, and unpaired surrogates. */
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Serialises a hast tree as XHTML for EPUB, through xast so that namespaces, empty
 * elements and escaping follow XML rather than HTML. Characters XML forbids are dropped.
 */
export function serializeXhtml(tree: Nodes): string {
  return toXml(toXast(tree), { closeEmptyElements: true }).replace(forbidden, '');
}
