import type { Element, Nodes, Root } from 'hast';
import { h } from 'hastscript';
import type { Book, Chapter, CrossReference } from '../book/types.ts';
import { ariaRoles } from '../book/chapter-roles.ts';

/** How one output names things: where a link between chapters goes, and what an id becomes. */
export interface Addressing {
  /** The href of `reference` as seen from `from`. */
  href(reference: CrossReference, from: Chapter): string;
  /** The id that `id` of `chapter` gets in this output. */
  id(id: string, chapter: Chapter): string;
}

/**
 * Finds the chapter a cross-reference points at. Links were checked when the book was
 * loaded, so a miss here is a bug, not a manuscript error.
 */
export function linkTargets(book: Book): (reference: CrossReference, from: Chapter) => Chapter {
  const byPath = new Map(book.chapters.map((chapter) => [chapter.sourcePath, chapter]));
  return (reference, from) => {
    const target = byPath.get(reference.targetPath);
    if (!target) throw new Error(`Unchecked link from ${from.sourcePath} to ${reference.targetPath}`);
    return target;
  };
}

/**
 * Addressing for an output with one file per chapter (the EPUB, the web edition): a link
 * within a chapter stays a fragment, a link to another chapter names its file, and ids
 * stay as they are.
 */
export function fileAddressing(book: Book, fileName: (chapter: Chapter) => string): Addressing {
  const targetOf = linkTargets(book);
  return {
    href(reference, from) {
      const fragment = reference.fragment ? `#${reference.fragment}` : '';
      if (reference.targetPath === from.sourcePath && fragment) return fragment;
      return fileName(targetOf(reference, from)) + fragment;
    },
    id: (id) => id,
  };
}

/**
 * A renderer's own copy of a chapter, wrapped in its `section` with EPUB semantics and the
 * matching ARIA role, ids and cross-chapter links rewritten for the output. The shared tree
 * is never changed.
 */
export function chapterSection(chapter: Chapter, addressing: Addressing): Element {
  const role = ariaRoles[chapter.epubType];
  const section = h('section', {
    id: chapter.id,
    className: [...new Set(['chapter', chapter.matter, chapter.epubType])],
    'epub:type': chapter.epubType,
    role,
    lang: chapter.lang,
    dir: chapter.dir,
  });
  section.children = copyChildren(chapter.tree, chapter, addressing) as Element['children'];
  return section;
}

function copyChildren(parent: Root | Element, chapter: Chapter, addressing: Addressing): Nodes[] {
  return parent.children.map((child) => copy(child, chapter, addressing));
}

function copy(node: Nodes, chapter: Chapter, addressing: Addressing): Nodes {
  if (node.type !== 'element') return node.type === 'text' ? { type: 'text', value: node.value } : node;
  const properties = { ...node.properties };
  if (typeof properties.id === 'string') properties.id = addressing.id(properties.id, chapter);
  const reference = node.data?.crossReference;
  if (reference) properties.href = addressing.href(reference, chapter);
  if (node.tagName === 'img' && typeof properties.src === 'string') properties.src = encodeURI(properties.src);
  return {
    type: 'element',
    tagName: node.tagName,
    properties,
    children: copyChildren(node, chapter, addressing) as Element['children'],
  };
}
