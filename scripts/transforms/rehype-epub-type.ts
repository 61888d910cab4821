import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { reportWarning } from '../diagnostics/report.ts';

/**
 * The vocabularies of `epub:type` values a book may use besides EPUB's own, by prefix:
 * those of the DAISY and Standard Ebooks converters. Every content document declares them
 * in its `epub:prefix` (see `templates/epub/document.xhtml.ejs`).
 */
export const epubTypeVocabularies: Readonly<Record<string, string>> = {
  z3998: 'http://www.daisy.org/z3998/2012/vocab/structure/#',
  se: 'https://standardebooks.org/vocab/1.0',
};

/** The `epub:prefix` attribute value that declares {@link epubTypeVocabularies}. */
export const epubPrefixDeclaration = Object.entries(epubTypeVocabularies).map(([prefix, uri]) => `${prefix}: ${uri}`).join(' ');

/**
 * Keeps each `epub:type` value that EPUB can resolve: one without a prefix (EPUB's own
 * structural semantics) or with a prefix of {@link epubTypeVocabularies}. A value with
 * any other prefix is undeclared (EPUBCheck's OPF-028) and is dropped with a located
 * warning (`epub-type-prefix`); an attribute left empty is removed.
 */
export default function rehypeEpubType() {
  return (tree: Root, file: VFile): void => {
    // A plain walk: unist-util-visit's ancestor lists, unused here, are slow to keep (see docs/performance.md).
    const walk = (nodes: readonly (RootContent | ElementContent)[]): void => {
      for (const node of nodes) {
        if (node.type !== 'element') continue;
        if (typeof node.properties['epub:type'] === 'string') keepKnownValues(node, node.properties['epub:type'], file);
        walk(node.children);
      }
    };
    walk(tree.children);
  };
}

function keepKnownValues(node: Element, value: string, file: VFile): void {
  const kept: string[] = [];
  for (const token of value.split(/\s+/).filter(Boolean)) {
    const colon = token.indexOf(':');
    if (colon === -1 || Object.hasOwn(epubTypeVocabularies, token.slice(0, colon))) kept.push(token);
    else reportWarning(file, `\`epub:type\` value \`${token}\` on \`<${node.tagName}>\` was removed: its prefix \`${token.slice(0, colon)}\` names no vocabulary EPUB knows (known: ${Object.keys(epubTypeVocabularies).join(', ')})`, node.position, 'epub-type-prefix');
  }
  if (kept.length > 0) node.properties['epub:type'] = kept.join(' ');
  else delete node.properties['epub:type'];
}
