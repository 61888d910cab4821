import { reportError } from '../../diagnostics/report.ts';
import { bookPass } from './pass.ts';

/**
 * Checks every link between chapters: the target must be a chapter of the book
 * (`broken-link`) and the fragment an id in it (`broken-anchor`). An authored heading
 * slug that was renamed to a valid XML id is settled to the new id, on the chapter's
 * reference, which the link's element takes when the chapter's tree is decoded (see
 * `buildChapter`) and the chapter output keys hold (see `chapterOutputKeys`).
 */
export const linkCheck = bookPass({
  name: 'link-check',
  reads: ['ids', 'idAliases', 'references'],
  adds: [],
  run({ chapters }) {
    const byPath = new Map(chapters.map((chapter) => [chapter.sourcePath, chapter]));
    for (const chapter of chapters) {
      for (const reference of chapter.references) {
        const target = byPath.get(reference.targetPath);
        if (!target) {
          reportError(chapter.file, `Link target \`${reference.targetPath}\` is not a chapter of this book`, reference.place, 'broken-link');
          continue;
        }
        if (reference.fragment === undefined) continue;
        const fragment = target.idAliases[reference.fragment] ?? reference.fragment;
        if (!target.ids.has(fragment)) {
          reportError(chapter.file, `No heading or anchor \`#${reference.fragment}\` in \`${target.sourcePath}\``, reference.place, 'broken-anchor');
          continue;
        }
        reference.fragment = fragment;
      }
    }
    return {};
  },
});
