import type { Nodes, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { VFile } from 'vfile';

/** What a piece of the print document holds that its parts must know of: the ids of its elements and the fragments its links point to. */
export interface IdsAndLinks {
  /** The ids of its elements, in document order. */
  ids: string[];
  /** The ids its fragment links (`href="#…"`) point to, in document order, repeats kept. */
  links: string[];
}

/** The ids and fragment links of a hast tree, walked in document order. */
export function idsAndLinksOf(tree: Nodes): IdsAndLinks {
  const found: IdsAndLinks = { ids: [], links: [] };
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      const { id, href } = node.properties;
      if (typeof id === 'string') found.ids.push(id);
      if (typeof href === 'string' && href.length > 1 && href.startsWith('#')) found.links.push(href.slice(1));
    }
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return found;
}

const parseRaw = rehypeRaw();

/**
 * The ids and fragment links of some HTML that templates made (a part's title page, the
 * front pages), read from its tree as an HTML parser builds it.
 */
export function idsAndLinksOfHtml(html: string): IdsAndLinks {
  const tree: Root = { type: 'root', children: [{ type: 'raw', value: html }] };
  return idsAndLinksOf(parseRaw(tree, new VFile()) as Root);
}

/** Joins the ids and links of consecutive pieces of one document. */
export function joinIdsAndLinks(pieces: readonly IdsAndLinks[]): IdsAndLinks {
  return { ids: pieces.flatMap((piece) => piece.ids), links: pieces.flatMap((piece) => piece.links) };
}
