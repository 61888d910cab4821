import { formatNeeds } from './needs.ts';
import type { RenderContext, Renderer } from './renderer.ts';

/** The print PDF: the book printed in Chromium, following its measured layout (see `LaidOutBook.print`). */
export const pdfRenderer: Renderer = {
  name: 'pdf',
  needs: formatNeeds.pdf,
  async render({ slug, products, progress }: RenderContext) {
    const { pdf, plan } = await products.printed();
    progress({ stage: 'pdf', done: plan.pageCount, total: plan.pageCount });
    progress({ stage: 'pdf', finished: `printed ${plan.pageCount} pages` });
    return { name: `${slug}.pdf`, files: [{ path: `${slug}.pdf`, data: pdf }] };
  },
};
