import { pageBreaks } from '../epub/page-list.ts';
import { renderEpub } from '../epub/render-epub.ts';
import type { PrintPlan } from '../pdf/print-plan.ts';
import { formatNeeds } from './needs.ts';
import type { RenderContext, Renderer } from './renderer.ts';

/**
 * The EPUB: packed here while Chromium prints the PDF. Its page list follows the print
 * layout (unless the book sets `page-list: none`), and the PDF's final layout when the PDF
 * found its plan off and printed again; a book without a cover image gets one drawn.
 */
export const epubRenderer: Renderer = {
  name: 'epub',
  needs: formatNeeds.epub,
  async render({ book, date, slug, products, caches, progress, timed }: RenderContext) {
    const pageList = products.has('layout') && book.config.pageList === 'print';
    const [plan, generatedCover] = await Promise.all([
      pageList ? products.layout().then((laidOut) => laidOut.plan) : undefined,
      products.has('drawn-cover') ? products.drawnCover() : undefined,
    ]);
    const pack = async (plan: PrintPlan | undefined) =>
      timed('epub', async () =>
        renderEpub(book, { modified: date, generatedCover, pageBreaks: plan && pageBreaks(await products.printBody(), plan), images: products.epubImages(), cache: caches.epub }),
      );
    let epub = await pack(plan);
    if (pageList && products.has('printed')) {
      const printed = await products.printed();
      if (printed.renders > 1) epub = await pack(printed.plan);
    }
    progress({ stage: 'epub', finished: 'packed EPUB' });
    return { name: `${slug}.epub`, files: [{ path: `${slug}.epub`, data: epub }] };
  },
};
