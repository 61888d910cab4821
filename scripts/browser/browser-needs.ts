import type { Format } from '../output/formats.ts';
import type { BookConfig } from '../config/types.ts';

/** Whether building `formats` of a book set up as `config` needs its print layout: the PDF does, and so does an EPUB with a page list. */
export function needsLayout(formats: ReadonlySet<Format>, config: BookConfig): boolean {
  return formats.has('pdf') || (formats.has('epub') && config.pageList === 'print');
}

/** Whether building `formats` draws a cover in Chromium: an EPUB of a book without a cover image does. */
export function needsCover(formats: ReadonlySet<Format>, config: BookConfig): boolean {
  return formats.has('epub') && !config.coverImage;
}
