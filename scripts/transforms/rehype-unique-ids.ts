import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';

/**
 * Keeps ids unique within a chapter, as XHTML requires: raw HTML may repeat an id that a
 * heading slug, a footnote or another element already has. The first element keeps the
 * id; each later one gets `-2`, `-3`, ... and a located `duplicate-id` warning.
 */
export default function rehypeUniqueIds() {
  return (tree: Root, file: VFile): void => {
    const seen = new Set<string>();
    visit(tree, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      if (!seen.has(id)) {
        seen.add(id);
        return;
      }
      let n = 2;
      while (seen.has(`${id}-${n}`)) n++;
      const renamed = `${id}-${n}`;
      seen.add(renamed);
      node.properties.id = renamed;
      reportWarning(file, `Id \`${id}\` is used twice in this chapter: this one was renamed \`${renamed}\``, node.position, 'duplicate-html-id');
    });
  };
}
