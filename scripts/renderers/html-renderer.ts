import { renderHtml } from '../html/render-html.ts';
import { renderPrintDocument } from '../pdf/print-document.ts';
import { formatNeeds } from './needs.ts';
import type { RenderContext, Renderer } from './renderer.ts';

/**
 * The web edition, in the folder `html/` (see `renderHtml`), with its print view
 * `print.html`: the document the PDF was printed from, as one file, with the PDF's layout
 * when the build printed one.
 */
export const htmlRenderer: Renderer = {
  name: 'html',
  needs: formatNeeds.html,
  async render({ book, products, timed }: RenderContext) {
    const assets = await products.siteAssets();
    const site = await timed('html', () => renderHtml(book, assets));
    const body = await products.printBody();
    const plan = products.has('printed') ? (await products.printed()).plan : undefined;
    const files = [...site, { path: 'print.html', data: renderPrintDocument(body, { plan }) }];
    return { name: 'html', files: files.map((file) => ({ path: `html/${file.path}`, data: file.data })) };
  },
};
