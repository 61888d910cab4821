import type { Labels } from './labels.ts';

/** A print trim size in inches. */
export interface Trim {
  name: string;
  width: number;
  height: number;
}

/** The validated `book.yaml`: what every renderer reads. */
export interface BookConfig {
  title: string;
  subtitle?: string;
  authors: string[];
  lang: string;
  identifier: string;
  publisher?: string;
  rights?: string;
  /** W3C date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  description?: string;
  subjects: string[];
  /** Identifier of the print edition, the source of the EPUB's page numbers. */
  printIdentifier?: string;
  /** Whether the EPUB marks the print edition's pages (`page-list`). */
  pageList: 'print' | 'none';
  /** Edition statement, such as `First edition, 2026`. */
  edition?: string;
  /** Manuscript-relative path of the cover image. */
  coverImage?: string;
  /** Manuscript-relative chapter paths, when the book lists them. */
  chapters?: string[];
  /** The parts that `parts:` (or `- part:` entries of `chapters:`) group chapters in; empty when it has none. */
  parts: ConfigPart[];
  trim: Trim;
  /** Manuscript-relative paths of the book's own stylesheets (`styles:`), in the order they apply. */
  styles: string[];
  /** The words the book prints: its language's, with `labels:` on top (see `labelsFor`). */
  labels: Labels;
  /** Rule ids of the warnings switched off for `npm run check` (`check:`). */
  rulesOff: string[];
  /** Every key that is not one of the above, kept for templates. */
  variables: Record<string, unknown>;
}

/** A part of the book as `book.yaml` lists it: a title over a run of chapter files. */
export interface ConfigPart {
  title: string;
  /** Manuscript-relative chapter paths, in reading order. */
  chapters: string[];
}
