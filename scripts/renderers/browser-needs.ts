import type { Format } from '../output/formats.ts';
import type { BookConfig } from '../config/types.ts';
import { browserUsersOf, formatNeeds, withInputs } from './needs.ts';

/**
 * Whether building `formats` of a book set up as `config` uses Chromium, from what their
 * renderers declare (see `formatNeeds`): the PDF does, an EPUB with a page list does, and
 * so does an EPUB of a book without a cover image (its cover is drawn).
 */
export function needsBrowser(formats: ReadonlySet<Format>, config: BookConfig): boolean {
  return browserUsersOf(withInputs([...formats].flatMap((format) => formatNeeds[format](config)))) > 0;
}
