import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import type { ChapterFacts } from '../book/types.ts';
import { isNotesSection } from './rehype-book-footnotes.ts';

/**
 * Records in `file.data.facts` what the book needs to know of a chapter's tree (see
 * `ChapterFacts`), found in one walk: its headings outside the notes (from which its
 * title and outline are chosen, see `titleChapter`), its first words, every id, its
 * links to chapters and its images. Kept in the parse cache with the tree, so a rebuild
 * assembles and checks the book without decoding the trees of the chapters that did not
 * change. Last in the processor, so it sees what the outputs hold.
 */
export default function rehypeChapterFacts() {
  return (tree: Root, file: VFile): void => {
    const facts: ChapterFacts = { headings: [], lead: '', ids: [], references: [], images: { total: 0, described: 0 } };
    const ids = new Set<string>();
    const walk = (nodes: readonly (RootContent | ElementContent)[], inNotes: boolean): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        const level = inNotes ? null : /^h([1-6])$/.exec(node.tagName);
        if (level) {
          const id = node.properties.id;
          facts.headings.push({ depth: Number(level[1]), text: toString(node).trim(), id: typeof id === 'string' ? id : undefined, place: node.position });
        }
        if (node.tagName === 'p' && !inNotes && !facts.lead) facts.lead = leadOf(toString(node));
        const reference = node.data?.crossReference;
        if (reference) facts.references.push({ ...reference, place: node.position });
        if (node.tagName === 'img') countImage(node, facts.images);
        const id = node.properties.id;
        if (typeof id === 'string') ids.add(id);
        walk(node.children, inNotes || isNotesSection(node));
      }
    };
    walk(tree.children, false);
    facts.ids = [...ids];
    file.data.facts = facts;
  };
}

/**
 * The first words of a text, with an ellipsis when there are more: a name for a chapter
 * that has no title. Six words, and at most 40 characters (cut at a space where there is
 * one; a script written without spaces is cut anywhere).
 */
function leadOf(text: string): string {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lead = words.slice(0, 6).join(' ');
  const characters = Array.from(lead);
  if (characters.length > 40) {
    const cut = characters.slice(0, 40).join('');
    const space = cut.lastIndexOf(' ');
    return `${(space > 0 ? cut.slice(0, space) : cut).trimEnd()}…`;
  }
  return words.length > 6 ? `${lead}…` : lead;
}

/** Counts an image, and whether it is described: by alt text, or as decoration (`alt=""` with `role="presentation"`, see `rehypeResources`). */
function countImage(node: Element, images: ChapterFacts['images']): void {
  images.total++;
  const { alt, role } = node.properties;
  if ((typeof alt === 'string' && alt.trim() !== '') || role === 'presentation') images.described++;
}
