/**
 * The keys of `book.yaml`: one table that drives validation, near-miss warnings and
 * the README's reference. Names follow pandoc's metadata vocabulary where pandoc has one.
 */

/** The value shapes a key may take. */
export type KeyKind = 'string' | 'strings' | 'date' | 'path' | 'paths' | 'parts' | 'trim' | 'choice' | 'switches' | 'labels';

/** One known key of `book.yaml`. */
export interface KeySpec {
  kind: KeyKind;
  required?: boolean;
  /** One line for the README and for `--help`. */
  description: string;
  /** The values a `choice` key takes, the default first. */
  choices?: readonly string[];
  /** A value to show in a new book's commented `book.yaml` (`npm run new -- book`). */
  example?: unknown;
}

/** Every key `book.yaml` understands. Any other key is kept as a template variable. */
export const bookKeys: Readonly<Record<string, KeySpec>> = {
  title: { kind: 'string', required: true, description: 'Title of the book.', example: 'Untitled' },
  subtitle: { kind: 'string', description: 'Subtitle, shown on the title page and in the package metadata.', example: 'A Subtitle' },
  author: { kind: 'strings', description: 'One author, or a list of authors.', example: 'Your Name' },
  lang: { kind: 'string', description: 'BCP 47 language tag of the text, such as `en` or `en-GB`. Default `en`. A right-to-left language (`ar`, `he`, `fa`, `ur`…) makes a right-to-left book, bound on the right.', example: 'en' },
  identifier: {
    kind: 'string',
    description: 'ISBN, URN or URL that identifies this edition. Derived stably from title and author when absent.',
    example: 'urn:isbn:9780000000000',
  },
  publisher: { kind: 'string', description: 'Publisher or imprint.', example: 'An Imprint' },
  rights: { kind: 'string', description: 'Copyright or licence statement, printed on the copyright page.', example: 'Copyright © 2026 Your Name' },
  date: { kind: 'date', description: 'Publication date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.', example: '2026-11-25' },
  description: { kind: 'string', description: 'Blurb for stores and the package metadata.', example: 'What the book is about, in a few sentences.' },
  subject: { kind: 'strings', description: 'Subject headings or keywords, one or a list.', example: ['History', 'Biography'] },
  'cover-image': { kind: 'path', description: 'Cover image (JPEG or PNG), relative to the manuscript folder.', example: 'images/cover.jpg' },
  chapters: { kind: 'paths', description: 'Chapter files in reading order. Without it, every `*.md` in file-name order.', example: ['01-introduction.md'] },
  parts: {
    kind: 'parts',
    description: 'Chapters grouped in parts, in reading order: `- title: Part title` with `chapters: [...]`; a plain file is a chapter outside any part. Instead of `chapters`.',
    example: [{ title: 'Part One', chapters: ['01-introduction.md'] }],
  },
  styles: {
    kind: 'paths',
    description: "The book's own stylesheets (CSS files in the manuscript), applied after the templates' styles in the EPUB, the web edition and the PDF.",
    example: ['custom.css'],
  },
  edition: { kind: 'string', description: 'Edition statement for the copyright page, such as `First edition, 2026`.', example: 'First edition, 2026' },
  'print-identifier': {
    kind: 'string',
    description: 'ISBN or other identifier of the print edition, named as the source of the EPUB\'s page numbers. Default: `identifier`.',
    example: 'urn:isbn:9780000000001',
  },
  'page-list': {
    kind: 'choice',
    choices: ['print', 'none'],
    description:
      "The EPUB's page list: `print` (default) marks where each page of the print edition begins, which needs Chromium to lay the book out; `none` leaves it out, for a book with no print edition.",
    example: 'print',
  },
  trim: { kind: 'trim', description: 'Print trim size: `6x9` (default), `5x8`, `5.5x8.5`, `a5` or `letter`.', example: '6x9' },
  check: {
    kind: 'switches',
    description: 'Warnings of `npm run check` to switch off, such as `check: { straight-quote: off }`.',
    example: { 'straight-quote': 'off' },
  },
  labels: {
    kind: 'labels',
    description:
      'The words the book prints, such as `labels: { contents: Inhalt }`. Default: those of its `lang` (English, German, French, Spanish, Italian, Portuguese, Russian, Japanese, Chinese, Arabic), else English.',
    example: { contents: 'Contents', chapter: 'Chapter {n}' },
  },
};

/**
 * Words people write when they mean a known key. A near-miss or a synonym is reported
 * only when the key it points to is not set as well, so `language` next to `lang` is a
 * plain template variable.
 */
export const keySynonyms: Readonly<Record<string, string>> = {
  language: 'lang',
  authors: 'author',
  creator: 'author',
  subjects: 'subject',
  keywords: 'subject',
  cover: 'cover-image',
  'cover-img': 'cover-image',
  isbn: 'identifier',
  copyright: 'rights',
  license: 'rights',
  abstract: 'description',
};

/** Keys of a chapter's front matter. Other keys are kept as template variables. */
export const frontMatterKeys: Readonly<Record<string, KeySpec>> = {
  title: { kind: 'string', description: 'Chapter title; defaults to the first heading of the highest level in the file.' },
  subtitle: { kind: 'string', description: 'Chapter subtitle.' },
  matter: { kind: 'string', description: '`frontmatter`, `bodymatter` (default) or `backmatter`.' },
  'epub-type': {
    kind: 'string',
    description: 'EPUB structural semantics of the chapter: `chapter` (default), `introduction`, `glossary`, ...',
  },
  lang: { kind: 'string', description: 'Language of this chapter when it differs from the book.' },
};

/** Print trim sizes, in inches. */
export const trimSizes: Readonly<Record<string, { width: number; height: number }>> = {
  '5x8': { width: 5, height: 8 },
  '5.5x8.5': { width: 5.5, height: 8.5 },
  '6x9': { width: 6, height: 9 },
  a5: { width: 5.83, height: 8.27 },
  letter: { width: 8.5, height: 11 },
};
