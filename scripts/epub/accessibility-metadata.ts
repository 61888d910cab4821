import type { Book } from '../book/types.ts';

/** One `<meta property="schema:…">` of the package document. */
export interface AccessibilityProperty {
  property: string;
  value: string;
}

/**
 * The EPUB Accessibility metadata of a book, derived from what it contains rather than
 * declared: visual access mode only when there are images, textual sufficiency only when
 * every image has a text alternative (or is marked decorative), page-break features only
 * when the EPUB carries print page numbers.
 */
export function accessibilityMetadata(book: Book, options: { pageList: boolean }): AccessibilityProperty[] {
  let images = book.config.coverImage ? 1 : 0;
  let described = images;
  for (const chapter of book.chapters) {
    images += chapter.images.total;
    described += chapter.images.described;
  }
  const allDescribed = described === images;
  const features = ['structuralNavigation', 'tableOfContents', 'readingOrder', 'displayTransformability'];
  if (images > 0 && allDescribed) features.push('alternativeText');
  if (options.pageList) features.push('pageBreakMarkers', 'pageNavigation', 'printPageNumbers');

  const properties: AccessibilityProperty[] = [{ property: 'schema:accessMode', value: 'textual' }];
  if (images > 0) properties.push({ property: 'schema:accessMode', value: 'visual' });
  if (images === 0 || allDescribed) properties.push({ property: 'schema:accessModeSufficient', value: 'textual' });
  if (images > 0) properties.push({ property: 'schema:accessModeSufficient', value: 'textual,visual' });
  for (const feature of features) properties.push({ property: 'schema:accessibilityFeature', value: feature });
  properties.push({ property: 'schema:accessibilityHazard', value: 'none' });
  properties.push({ property: 'schema:accessibilitySummary', value: summary(images, allDescribed, options.pageList) });
  return properties;
}

function summary(images: number, allDescribed: boolean, pageList: boolean): string {
  const parts = ['This publication has a table of contents, landmarks and headings in a logical reading order, and its text can be restyled by the reader.'];
  if (images > 0) {
    parts.push(allDescribed
      ? `Each of its ${images} images has a text alternative, so the text alone is sufficient to read it.`
      : `Some of its ${images} images have no text alternative.`);
  }
  if (pageList) parts.push('Page numbers of the print edition are marked and listed.');
  parts.push('It has no known hazards.');
  return parts.join(' ');
}
