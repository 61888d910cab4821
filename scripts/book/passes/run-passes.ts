import type { Book, Chapter } from '../types.ts';
import type { BookPass, ChapterFactMap, ChapterFactName, PassChapter } from './pass.ts';

/** How each fact a pass may read is read off a built chapter. */
const readFact: { [Name in ChapterFactName]: (chapter: Chapter) => ChapterFactMap[Name] } = {
  title: (chapter) => chapter.title,
  titleShown: (chapter) => chapter.titleShown,
  titlePlace: (chapter) => chapter.titlePlace,
  headings: (chapter) => chapter.file.data.facts?.headings ?? [],
  outline: (chapter) => chapter.outline,
  ids: (chapter) => chapter.ids,
  idAliases: (chapter) => chapter.file.data.idAliases ?? {},
  references: (chapter) => chapter.references,
  images: (chapter) => chapter.images,
  frontMatter: (chapter) => chapter.frontMatter,
  words: (chapter) => chapter.words,
};

/** `chapter` as a pass that reads `reads` sees it (see `PassChapter`). */
function passChapter<Reads extends ChapterFactName>(chapter: Chapter, reads: readonly Reads[]): PassChapter<Reads> {
  const view: Record<string, unknown> = { index: chapter.index, sourcePath: chapter.sourcePath, id: chapter.id, file: chapter.file };
  for (const name of reads) view[name] = readFact[name](chapter);
  return view as PassChapter<Reads>;
}

/**
 * Runs `passes` over `book` in their order (see `BookPass`): each sees the chapters with
 * the facts it declared, and what it adds lands on `book.facts` for those after it. A pass
 * that does not return a fact it declared is a bug of the toolchain, and throws.
 */
export function runBookPasses(book: Book, passes: readonly BookPass[]): void {
  for (const pass of passes) {
    const chapters = book.chapters.map((chapter) => passChapter(chapter, pass.reads));
    const added = pass.run({ config: book.config, configFile: book.configFile, chapters, facts: book.facts });
    for (const name of pass.adds) {
      if (!Object.hasOwn(added, name)) throw new Error(`The book pass \`${pass.name}\` did not add the fact \`${String(name)}\` it declares`);
      Object.assign(book.facts, { [name]: added[name] });
    }
  }
}
