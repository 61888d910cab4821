import type { Nodes, Text } from 'hast';
import type { Point } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import { location } from 'vfile-location';
import type { Chapter } from '../book/types.ts';

/** Elements whose text is code or machine text, never typography. */
const codeElements = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/** One match of a pattern in a chapter's prose, with its place in the Markdown source. */
export interface ProseMatch {
  text: string;
  place: Point;
}

/**
 * Every match of `pattern` (a global regular expression) in the text nodes of a chapter
 * as the build renders them, after smart typography, outside code, located in the source.
 * Smart typography only shortens text (`---` to `—`) and escapes only lengthen the source,
 * so a match is searched forward in the source from where the rendered text puts it. Text
 * made elsewhere (a caption from an image title, a heading from front matter) has no place
 * of its own: it is searched in the source of its nearest placed ancestor.
 */
export function findInProse(chapter: Chapter, pattern: RegExp): ProseMatch[] {
  const source = String(chapter.file.value);
  const places = location(source);
  const matches: ProseMatch[] = [];
  visitParents(chapter.tree, 'text', (node: Text, ancestors: Nodes[]) => {
    if (ancestors.some((ancestor) => ancestor.type === 'element' && codeElements.has(ancestor.tagName))) return;
    const base = startOffset(node, ancestors, source);
    for (const match of node.value.matchAll(pattern)) {
      const found = base === undefined ? -1 : source.indexOf(match[0], base + match.index!);
      const place = found === -1 ? undefined : places.toPoint(found);
      matches.push({ text: match[0], place: place ?? fallbackPlace(ancestors) });
    }
  });
  return matches;
}

/** Where the text node's value starts in the source, as far as can be told. */
function startOffset(node: Text, ancestors: readonly Nodes[], source: string): number | undefined {
  if (node.position?.start.offset !== undefined) return node.position.start.offset;
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const { start, end } = ancestors[index]!.position ?? {};
    if (start?.offset === undefined) continue;
    const at = source.indexOf(node.value, start.offset);
    return at !== -1 && (end?.offset === undefined || at < end.offset) ? at : undefined;
  }
  return undefined;
}

function fallbackPlace(ancestors: readonly Nodes[]): Point {
  for (let index = ancestors.length - 1; index >= 0; index--) {
    const start = ancestors[index]!.position?.start;
    if (start) return { line: start.line, column: start.column };
  }
  return { line: 1, column: 1 };
}
