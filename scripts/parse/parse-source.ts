import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { createProcessor } from './create-processor.ts';

/** The one processor's type, as `createProcessor` makes it. */
export type BookProcessor = ReturnType<typeof createProcessor>;

/** Runs the one processor over a chapter's file: Markdown to the book's hast. */
export async function parseSource(processor: BookProcessor, file: VFile): Promise<Root> {
  return processor.run(processor.parse(file), file);
}
