import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { ChapterFacts } from '../book/types.ts';

/**
 * Records in `file.data.facts` what the book needs to know of a chapter's tree (see
 * `ChapterFacts`), found in one walk: its first level-1 heading, its outline (h2 and h3
 * with ids, outside the notes), every id, its links to chapters and its images. Kept in
 * the parse cache with the tree, so a rebuild assembles and checks the book without
 * decoding the trees of the chapters that did not change. Last in the processor, so it
 * sees what the outputs hold.
 */
export default function rehypeChapterFacts() {
  return (tree: Root, file: VFile): void => {
    const facts: ChapterFacts = { outline: [], ids: [], references: [], images: { total: 0, described: 0 } };
    const ids = new Set<string>();
    const walk = (nodes: readonly (RootContent | ElementContent)[], inNotes: boolean): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        if (node.tagName === 'h1' && facts.firstHeading === undefined) facts.firstHeading = toString(node).trim();
        const reference = node.data?.crossReference;
        if (reference) facts.references.push({ ...reference, place: node.position });
        if (node.tagName === 'img') countImage(node, facts.images);
        const id = node.properties.id;
        if (typeof id === 'string') {
          ids.add(id);
          const depth = inNotes ? null : /^h([23])$/.exec(node.tagName);
          if (depth) facts.outline.push({ depth: Number(depth[1]), id, text: toString(node).trim() });
        }
        const notes = node.tagName === 'section' && (node.properties.className as string[] | undefined)?.includes('footnotes') === true;
        walk(node.children, inNotes || notes);
      }
    };
    walk(tree.children, false);
    facts.ids = [...ids];
    file.data.facts = facts;
  };
}

/** Counts an image, and whether it is described: by alt text, or as decoration (`alt=""` with `role="presentation"`, see `rehypeResources`). */
function countImage(node: Element, images: ChapterFacts['images']): void {
  images.total++;
  const { alt, role } = node.properties;
  if ((typeof alt === 'string' && alt.trim() !== '') || role === 'presentation') images.described++;
}
