import type { Format } from '../output/formats.ts';
import { epubRenderer } from './epub-renderer.ts';
import { htmlRenderer } from './html-renderer.ts';
import { pdfRenderer } from './pdf-renderer.ts';
import type { Renderer } from './renderer.ts';

/** The renderer of each format `--format` names. */
export const builtInRenderers: Record<Format, Renderer> = { html: htmlRenderer, epub: epubRenderer, pdf: pdfRenderer };
