import type { Root } from 'hast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { TextDirection } from '../config/text-direction.ts';
import type { BookConfig } from '../config/types.ts';

/** Where a chapter sits in the book, as EPUB and print understand it. */
export type Matter = 'frontmatter' | 'bodymatter' | 'backmatter';

/** A heading of a chapter as the parse found it (see `ChapterFacts`). */
export interface HeadingFact {
  /** 1 for `h1` … 6 for `h6`, as written. */
  depth: number;
  text: string;
  /** Its id, when it has one. */
  id?: string;
  /** Where it is in the Markdown. */
  place?: Position;
}

/** A heading of a chapter, for the tables of contents. */
export interface OutlineEntry {
  depth: number;
  /** The heading's id inside its chapter. */
  id: string;
  text: string;
}

/** One chapter: its source, its role and its HTML tree, parsed once and shared by every renderer. */
export interface Chapter {
  /** Position in reading order, from 0. */
  index: number;
  /** POSIX path of the Markdown file, relative to the manuscript folder. */
  sourcePath: string;
  /** Base name for output files, such as `03-operation-bear`. */
  name: string;
  /** An XML name unique in the book, used for ids, manifest items and print anchors. */
  id: string;
  /**
   * What the contents, the running heads and the document titles call the chapter: its
   * declared title or its title heading's text (see `titleChapter`); for a chapter with
   * neither, a neutral name (its first words, or `Chapter N`), which it does not show.
   */
  title: string;
  /** Whether the chapter opens with its title as a heading; false when it has no title at all. */
  titleShown: boolean;
  /** Where the title is written (its heading or the front matter), for diagnostics. */
  titlePlace?: Position;
  /**
   * What the chapter's tree has beyond its parse, as text for the output caches' keys: the
   * heading left out or added, the levels headings moved up, the notes' heading.
   */
  treeEdits: string;
  subtitle?: string;
  matter: Matter;
  /** EPUB structural semantics, such as `chapter` or `glossary`. */
  epubType: string;
  /** Language of the chapter when it differs from the book's. */
  lang?: string;
  /** Direction of the chapter's text when its `lang` is written the other way from the book's (see `textDirection`). */
  dir?: TextDirection;
  /** Id of the part it belongs to (see {@link Part}); none for a chapter outside parts. */
  partId?: string;
  /**
   * Id of the chapter it continues, for a sub-chapter (a file in the folder named after a
   * chapter's file): it nests under that chapter in the contents, and in print opens on a
   * new page rather than a recto.
   */
  parentId?: string;
  /**
   * The chapter's content as hast, with Markdown positions kept on its nodes. Decoded
   * from the parse cache on first use (see `buildChapter`); read it only to render or lint.
   */
  readonly tree: Root;
  /** The source file, carrying the chapter's messages. */
  file: VFile;
  /** Headings below the chapter title (depth 2 and 3), for the contents. */
  outline: OutlineEntry[];
  /** Every id in the chapter. */
  ids: Set<string>;
  /** Its links to chapters, in document order, with their places: what the link check checks (see `linkCheck`). */
  references: ChapterReference[];
  /** Its images, and how many of them are described (see `ChapterFacts`). */
  images: ChapterFacts['images'];
  /** The front matter as written, including keys the tool does not know (template variables). */
  frontMatter: Record<string, unknown>;
  /** Words in the chapter, notes and title included (see `countWords`). */
  words: number;
  /**
   * The key the chapter's parse is cached under (see `chapterKey`): a hash of its path, its
   * text and the parse code. Everything above but `index`, `name` and `id`, which depend on
   * the other chapters, follows from it.
   */
  parseKey: string;
}

/** A file of the manuscript that the book uses: an image or the cover. */
export interface Asset {
  /** POSIX path relative to the manuscript folder; outputs keep it, so links stay valid. */
  relative: string;
  /** Absolute path of the source file. */
  source: string;
  mediaType: string;
  /** The bytes the outputs ship instead of the source file's: an SVG cleaned by `sanitizeSvgAssets`. */
  data?: Uint8Array;
}

/**
 * A part of the book: a titled run of consecutive chapters, opened by a part title page
 * (from `parts:` in `book.yaml`, or a top-level folder of the manuscript). Not the print's
 * `BookPart`, a run of chapters laid out as one document.
 */
export interface Part {
  /** Position among the parts, from 0. */
  index: number;
  /** An XML name unique in the book (`part-1`): the part page's id and EPUB file name. */
  id: string;
  title: string;
  /** Ids of its chapters, in reading order. */
  chapterIds: string[];
}

/** The book model: validated metadata and ordered chapters. Every renderer reads only this. */
export interface Book {
  manuscriptDir: string;
  config: BookConfig;
  configFile: VFile;
  chapters: Chapter[];
  /** Its parts, in reading order; empty for a book that is not in parts. */
  parts: Part[];
  /** Assets by manuscript-relative path. */
  assets: Map<string, Asset>;
  /** What the book-wide passes added, by name (see `BookPass`); each is there once its pass has run. */
  facts: Partial<BookFacts>;
  /** The book's own stylesheets (`styles:`), in the order they apply after the templates'. */
  styles: BookStyle[];
}

/** A stylesheet of the book's own, checked and made ready to ship (see `readBookStyles`). */
export interface BookStyle {
  /** POSIX path of the CSS file, relative to the manuscript folder. */
  relative: string;
  /** Where every output ships it, relative to its root, and so how its documents link it. */
  href: string;
  /** Its text as shipped: each reference to a manuscript file leads to where that file is shipped. */
  css: string;
  /** Manuscript-relative paths of the fonts and images it uses, which are among the book's assets. */
  assets: string[];
}

/**
 * The facts book-wide passes add to the book (see `BookPass`), by name: empty here, each
 * pass's module declares its own (`declare module '../types.ts' { interface BookFacts { ... } }`).
 */
export interface BookFacts {}

/** What the parse stage leaves on a chapter's `file.data`. */
export interface ChapterFileData {
  frontMatter?: Record<string, unknown>;
  /** Manuscript-relative paths of the images the chapter uses. */
  assets?: string[];
  /** Heading ids that were renamed to be valid XML names: authored slug → id. */
  idAliases?: Record<string, string>;
  /** Words in the chapter's tree (see `rehypeWordCount`). */
  words?: number;
  /** What the book needs of the chapter's tree (see `rehypeChapterFacts`). */
  facts?: ChapterFacts;
  /** Where the front matter (or a pandoc title block) sets the chapter's title. */
  titlePlace?: Position;
}

/** A link to a chapter as the parse found it: for checking it, and for the fragment its element gets. */
export interface ChapterReference extends CrossReference {
  /** Where the link is in the Markdown. */
  place?: Position;
}

/**
 * What the parse records of a chapter's tree (see `rehypeChapterFacts`), so that a book
 * is assembled and checked without walking, or even decoding, every tree again.
 */
export interface ChapterFacts {
  /** Its headings outside the notes, in document order. */
  headings: HeadingFact[];
  /** Its first words outside headings and notes (its first paragraph's), shortened; empty when it has none. */
  lead: string;
  /** Every id in the chapter. */
  ids: string[];
  /** Its links to chapters, in document order. */
  references: ChapterReference[];
  /** Its images, and how many of them are described: by alt text, or as decoration (`alt=""`, `role="presentation"`). */
  images: { total: number; described: number };
}

/** A link from one chapter to another (or to a place in itself), kept on the `a` element's data. */
export interface CrossReference {
  /** Manuscript-relative path of the target chapter's Markdown file. */
  targetPath: string;
  fragment?: string;
}

declare module 'vfile' {
  interface DataMap {
    frontMatter: Record<string, unknown>;
    assets: string[];
    idAliases: Record<string, string>;
    words: number;
    facts: ChapterFacts;
    titlePlace: Position;
  }
}

declare module 'hast' {
  interface ElementData {
    /** Set on links between chapters; renderers turn it into an href of their own. */
    crossReference?: CrossReference;
  }
}
