import type { Chapter } from '../book/types.ts';
import type { Addressing } from '../render/chapter-section.ts';
import { chapterSection } from '../render/chapter-section.ts';
import { hyphenateTree, type Hyphenator } from '../render/hyphenate-tree.ts';
import { pageAnchors } from '../render/page-anchors.ts';
import { serializeHtml } from '../render/serialize-html.ts';
import { idsAndLinksOf, type IdsAndLinks } from './ids-and-links.ts';

/** A chapter as the print document holds it, with the ids and fragment links of its section. */
export interface PrintChapter extends IdsAndLinks {
  /** The chapter's section as HTML, hyphenated, ids and links made unique in one document. */
  html: string;
  /** The ids of its page anchors (see `pageAnchors`), in order. */
  anchors: string[];
}

/**
 * Serialises one chapter for the print document: ids and links as `addressing` (print
 * addressing) makes them, an id on every page anchor, so measuring can learn its page,
 * and soft hyphens in running text when `hyphenate` is given and the chapter has no
 * language of its own. Its ids and links are read from the same tree, so the book's parts
 * are cut without reading the HTML again (see `partDocuments`).
 */
export function printChapter(chapter: Chapter, addressing: Addressing, hyphenate: Hyphenator | undefined): PrintChapter {
  const section = chapterSection(chapter, addressing);
  const anchors = pageAnchors(section).map((element, index) => {
    if (typeof element.properties.id !== 'string') element.properties.id = `${chapter.id}--a${index}`;
    return element.properties.id;
  });
  if (hyphenate && !chapter.lang) hyphenateTree(section, hyphenate);
  return { html: serializeHtml(section), anchors, ...idsAndLinksOf(section) };
}
