import type { Renderer } from '../../scripts/renderers/renderer.ts';

/**
 * The worked example of a renderer (docs/architecture.md, "Where a new feature goes"):
 * each chapter's title and words, as `<slug>.words.json`. It needs no shared product, so
 * a build that runs it alone starts no browser and prints nothing.
 */
export const wordsRenderer: Renderer = {
  name: 'words',
  needs: () => [],
  async render({ book, slug }) {
    const chapters = book.chapters.map((chapter) => ({ title: chapter.title, words: chapter.words }));
    return { name: `${slug}.words.json`, files: [{ path: `${slug}.words.json`, data: `${JSON.stringify(chapters, null, 2)}\n` }] };
  },
};
