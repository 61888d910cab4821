import { reportWarning } from '../../diagnostics/report.ts';
import { titleKey } from '../chapter-title.ts';
import { bookPass, type PassChapter } from './pass.ts';

/**
 * Warns (`duplicate-title`) at each chapter whose title an earlier chapter already has
 * (case, spacing and punctuation aside), at the heading or front matter that sets it:
 * readers could not tell the two apart in the contents or the running heads. Chapters
 * that show no title are named by their first words and not compared.
 */
export const duplicateTitles = bookPass({
  name: 'duplicate-titles',
  reads: ['title', 'titleShown', 'titlePlace'],
  adds: [],
  run({ chapters }) {
    const first = new Map<string, PassChapter<'title'>>();
    for (const chapter of chapters) {
      if (!chapter.titleShown) continue;
      const key = titleKey(chapter.title);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, chapter);
        continue;
      }
      reportWarning(
        chapter.file,
        `Chapter title “${chapter.title}” is also the title of \`${earlier.sourcePath}\`: readers cannot tell them apart in the contents`,
        chapter.titlePlace ?? { line: 1, column: 1 },
        'duplicate-title',
      );
    }
    return {};
  },
});
