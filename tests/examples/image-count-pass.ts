import { bookPass } from '../../scripts/book/passes/pass.ts';
import { reportWarning } from '../../scripts/diagnostics/report.ts';

declare module '../../scripts/book/types.ts' {
  interface BookFacts {
    /** Images per chapter, by chapter id: what the example pass adds. */
    imagesPerChapter: Map<string, number>;
  }
}

/**
 * The worked example of a book-wide pass (docs/architecture.md, "Where a new feature
 * goes"): reads each chapter's headings and images, facts its parse recorded; warns at
 * every heading that still says TODO; adds the number of images in each chapter.
 */
export const imageCount = bookPass({
  name: 'image-count',
  reads: ['headings', 'images'],
  adds: ['imagesPerChapter'],
  run({ chapters }) {
    for (const chapter of chapters) {
      for (const heading of chapter.headings) {
        if (/\bTODO\b/.test(heading.text)) reportWarning(chapter.file, `Heading still says TODO: “${heading.text}”`, heading.place, 'todo-heading');
      }
    }
    return { imagesPerChapter: new Map(chapters.map((chapter) => [chapter.id, chapter.images.total])) };
  },
});
