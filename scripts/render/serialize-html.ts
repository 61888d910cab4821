import type { Nodes } from 'hast';
import { toHtml as hastToHtml } from 'hast-util-to-html';

/** Serialises a hast tree as HTML for the web edition and the print document. */
export function serializeHtml(tree: Nodes): string {
  return hastToHtml(tree, { closeSelfClosing: true, closeEmptyElements: true });
}
