import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

/** Options of {@link rehypeBookFootnotes}. */
export interface BookFootnotesOptions {
  /** Heading of the notes at the end of a chapter. Default `Notes`. */
  title?: string;
}

/**
 * Rewrites GFM's footnotes into the markup that reading systems pop up (the pattern
 * pandoc settled on): a reference is `a[epub:type=noteref][role=doc-noteref]` around a
 * `sup`, and each note is an `aside[epub:type=footnote][role=doc-footnote]` that opens
 * with a back link, collected in a notes section at the end of the chapter. A note whose
 * reference is gone (it was inside raw HTML the sanitiser removed, which is reported
 * there) keeps its text and number but gets no back link, which would point nowhere.
 */
export default function rehypeBookFootnotes(options: BookFootnotesOptions = {}) {
  const title = options.title ?? 'Notes';
  return (tree: Root): void => {
    const referenced = new Set<string>();
    visit(tree, 'element', (node) => {
      if (node.tagName === 'a' && node.properties.dataFootnoteRef !== undefined) referenced.add(String(node.properties.id));
    });
    visit(tree, 'element', (node, index, parent) => {
      if (index === undefined || !parent) return;
      if (node.tagName === 'sup' && node.children.length === 1) {
        const link = node.children[0];
        if (link?.type === 'element' && link.tagName === 'a' && link.properties.dataFootnoteRef !== undefined) {
          const label = link.children;
          const reference = h('a', {
            id: link.properties.id,
            href: link.properties.href,
            className: ['noteref'],
            'epub:type': 'noteref',
            role: 'doc-noteref',
          }, [h('sup', label)]);
          reference.position = link.position;
          parent.children[index] = reference;
        }
        return;
      }
      if (node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
        parent.children[index] = notesSection(node, title, referenced);
        return 'skip';
      }
      return undefined;
    });
  };
}

/** Whether `node` is the notes section {@link rehypeBookFootnotes} closes a chapter with: the book's, not the author's. */
export function isNotesSection(node: Element): boolean {
  return node.tagName === 'section' && (node.properties.className as string[] | undefined)?.includes('footnotes') === true;
}

function notesSection(section: Element, title: string, referenced: ReadonlySet<string>): Element {
  const list = section.children.find((child): child is Element => child.type === 'element' && child.tagName === 'ol');
  const items = list?.children.filter((child): child is Element => child.type === 'element' && child.tagName === 'li') ?? [];
  const asides = items.map((item, position) => noteAside(item, position + 1, referenced));
  const notes = h('section', { className: ['footnotes'], 'epub:type': 'footnotes', ariaLabelledBy: 'notes-title' }, [
    h('h2', { id: 'notes-title', className: ['notes-title'] }, title),
    ...asides,
  ]);
  notes.position = section.position;
  return notes;
}

function noteAside(item: Element, number: number, referenced: ReadonlySet<string>): Element {
  const id = String(item.properties.id);
  // A note and its reference were renamed alike when their ids were not XML names (see rehypeXmlIds).
  const referenceId = id.replace(/^(h-)?fn-/, '$1fnref-');
  const blocks = item.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  stripBackReferences(blocks);
  const backLink = referenced.has(referenceId)
    ? h('a', { href: `#${referenceId}`, role: 'doc-backlink', className: ['note-number'] }, `${number}.`)
    : h('span', { className: ['note-number'] }, `${number}.`);
  const first = blocks[0];
  if (first?.type === 'element' && first.tagName === 'p') first.children.unshift(backLink, { type: 'text', value: ' ' });
  else blocks.unshift(h('p', [backLink]));
  const aside = h('aside', { id, 'epub:type': 'footnote', role: 'doc-footnote', className: ['footnote'] }, blocks);
  aside.position = item.position;
  return aside;
}

function stripBackReferences(nodes: ElementContent[]): void {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    node.children = node.children.filter(
      (child) => !(child.type === 'element' && child.tagName === 'a' && child.properties.dataFootnoteBackref !== undefined),
    );
    const last = node.children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
    stripBackReferences(node.children);
  }
}
