import type { BookConfig } from '../config/types.ts';
import type { Format } from '../output/formats.ts';

/**
 * A product of the build that renderers share, computed once and only when a renderer
 * asked for it: the book serialised for print (`print-body`), the files beside its HTML
 * documents (`site-assets`: styles, faces, images), a folder of them for Chromium
 * (`print-root`), the print layout (`layout`), the book printed to PDF
 * (`printed`), a cover drawn from the templates (`drawn-cover`) and the book's images made
 * ready for e-readers (`epub-images`). The parsed book is always there.
 */
export type Need = 'print-body' | 'site-assets' | 'print-root' | 'layout' | 'printed' | 'drawn-cover' | 'epub-images';

/** What each product is computed from: a renderer that needs it needs these too. */
const inputs: Record<Need, readonly Need[]> = {
  'print-body': [],
  'site-assets': [],
  'print-root': ['site-assets'],
  layout: ['print-body', 'print-root'],
  printed: ['layout'],
  'drawn-cover': ['print-root'],
  'epub-images': [],
};

/** The products that hold the browser while they are made: each is one of its users (see `BookBrowser.expect`). */
const browserUsers: readonly Need[] = ['layout', 'drawn-cover'];

/** What the built-in renderers need, by format, for a book set up as `config`. */
export const formatNeeds: Record<Format, (config: BookConfig) => readonly Need[]> = {
  // The print edition's page breaks are marked in the EPUB unless the book says `page-list: none`;
  // a book without a cover image gets one drawn.
  epub: (config) => ['epub-images', ...(config.pageList === 'print' ? ['layout' as const] : []), ...(config.coverImage ? [] : ['drawn-cover' as const])],
  pdf: () => ['printed'],
  // The web edition's print view is the print document.
  html: () => ['print-body', 'site-assets'],
};

/** Every product that `needs` asks for, with what each is computed from. */
export function withInputs(needs: Iterable<Need>): Set<Need> {
  const all = new Set<Need>();
  const add = (need: Need) => {
    if (all.has(need)) return;
    all.add(need);
    inputs[need].forEach(add);
  };
  [...needs].forEach(add);
  return all;
}

/** How many products of `needs` use the browser: what the build tells it to expect; none, and Chromium never starts. */
export function browserUsersOf(needs: ReadonlySet<Need>): number {
  return browserUsers.filter((need) => needs.has(need)).length;
}
