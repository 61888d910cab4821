/**
 * The warnings an author may switch off for `npm run check` in `book.yaml`
 * (`check: { straight-quote: off }`), each with one line for the README. Errors cannot be
 * switched off: the build would fail on them anyway.
 */
export const switchableRules: Readonly<Record<string, string>> = {
  'heading-skip': 'a heading more than one level below the one before it (`##` then `####`)',
  'straight-quote': 'a straight quote that smart typography left (captions, titles from front matter)',
  'double-hyphen': 'a `--` that smart typography left',
  'empty-chapter': 'a chapter with nothing but its heading',
  'missing-title': 'a chapter without a title',
  'duplicate-title': 'two chapters with one title',
  'book-title-heading': "a chapter's opening `#` that repeats the book's title, which is left out",
  'title-block': "a pandoc title block's author or date, which a chapter does not use",
  'missing-alt': 'an image without alt text',
  'unused-footnote': 'a footnote defined but never referenced',
  'unknown-key': 'a key that looks like a misspelling of a known one',
  'unsafe-link': 'a link with a scheme other than web, mail or chapter links, which is removed',
};
