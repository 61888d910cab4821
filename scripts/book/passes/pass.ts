import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { BookConfig } from '../../config/types.ts';
import type { BookFacts, Chapter, ChapterReference, HeadingFact, OutlineEntry } from '../types.ts';

/**
 * What a book-wide pass may read of a chapter: what the parse recorded of it (its
 * `ChapterFacts`, cached with its parse) and what `buildChapter` made of that and the
 * book's configuration. None of it needs the chapter's tree, so a pass never decodes one,
 * and a chapter taken from the parse cache gives a pass the same input as a fresh parse.
 */
export interface ChapterFactMap {
  title: string;
  /** Whether the chapter shows its title as a heading. */
  titleShown: boolean;
  /** Where the title is written, when it is. */
  titlePlace: Position | undefined;
  /** Its headings outside the notes, in document order, as written. */
  headings: readonly HeadingFact[];
  /** Its headings below the title, for the contents. */
  outline: readonly OutlineEntry[];
  /** Every id in the chapter. */
  ids: ReadonlySet<string>;
  /** Heading ids renamed to be valid XML names: authored slug → id. */
  idAliases: Readonly<Record<string, string>>;
  /**
   * Its links to chapters, in document order: the chapter's own copies, whose `fragment`
   * the link check settles (the tree's links take it when decoded, see `buildChapter`).
   */
  references: ChapterReference[];
  /** Its images, and how many of them are described. */
  images: Chapter['images'];
  /** The front matter as written. */
  frontMatter: Readonly<Record<string, unknown>>;
  /** Words in the chapter. */
  words: number;
}

/** The name of a fact a pass may read of each chapter. */
export type ChapterFactName = keyof ChapterFactMap;

/**
 * A chapter as a pass sees it: where it is (`index`, `sourcePath`, `id`), its `file` to
 * report located messages on (`reportError`, `reportWarning`), and the facts the pass
 * declared it reads, and no others.
 */
export type PassChapter<Reads extends ChapterFactName> = Pick<Chapter, 'index' | 'sourcePath' | 'id'> & { readonly file: VFile } & Pick<ChapterFactMap, Reads>;

/** What a pass is given: the book's configuration, its chapters as {@link PassChapter}s, and the facts earlier passes added. */
export interface PassInput<Reads extends ChapterFactName> {
  config: BookConfig;
  /** `book.yaml`, to report problems of the configuration on. */
  configFile: VFile;
  chapters: ReadonlyArray<PassChapter<Reads>>;
  facts: Readonly<Partial<BookFacts>>;
}

/**
 * A step that runs over the whole book once every chapter is parsed and built, before any
 * output is rendered, as mdBook's preprocessors do: checks that need more than one chapter
 * (links between them, titles two chapters share) and facts that depend on the whole book
 * (later: numbers of figures and cross-references, citations, an index).
 *
 * A pass declares what it reads of each chapter (`reads`) and what it adds to the book
 * (`adds`, keys of {@link BookFacts}, which a pass's module declares with
 * `declare module '../types.ts' { interface BookFacts { ... } }`). It reports problems as
 * located messages on a chapter's `file` (or `configFile`), and returns the facts it adds,
 * which land on `Book.facts` for the passes after it, the renderers and the tree edits.
 *
 * Caching stays automatic: passes run on every build, and read only facts that are part
 * of a chapter's cached parse. An output cache whose entries read a fact a pass added
 * (a figure's number, say) must put that fact in its key, as the chapter output keys hold
 * the link fragments the link check settles.
 */
export interface BookPass<Reads extends ChapterFactName = ChapterFactName, Adds extends keyof BookFacts = keyof BookFacts> {
  /** A short name, for messages and the docs, such as `link-check`. */
  name: string;
  /** The facts of each chapter it reads. */
  reads: readonly Reads[];
  /** The facts it adds to the book. */
  adds: readonly Adds[];
  /** Runs the pass: reports what it finds, and returns the facts it adds. */
  run(input: PassInput<Reads>): Pick<BookFacts, Adds>;
}

/**
 * A {@link BookPass}, typed by what it declares: `run` sees only the facts in `reads`
 * and must return those in `adds`. Write each pass with it.
 */
export function bookPass<Reads extends ChapterFactName, Adds extends keyof BookFacts = never>(pass: BookPass<Reads, Adds>): BookPass {
  return pass as unknown as BookPass;
}
