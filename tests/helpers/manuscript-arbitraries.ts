import fc from 'fast-check';

/** Characters and strings that have broken XML writers: controls, surrogates, markup look-alikes. */
const hostile = [
  '\u0000', '\u0001', '\u0007', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\uFFFE', '\uFFFF', '\uFEFF',
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\r', '\r\n', '\t',
  ']]>', '-->', '<!--', '<?xml version="1.0"?>', '<![CDATA[', '&bogus;', '&amp;', '&#0;', '&#xD800;', '&#x1F600;', '&nbsp;',
  '\u202E', '\u200F', '\u0301', '\u0E33', 'e\u0301', '👩‍👩‍👧', '😀', '𝔘', 'שלום', 'مرحبا', '漢字', '\u00AD', '\u2028',
];

/** Markdown syntax, alone or in the wrong place. */
const markdown = [
  '*', '**', '_', '`', '```\n', '~~', '[', ']', '(', ')', '![', '# ', '## ', '\n> ', '\n- ', '\n1. ', '|', '\n| a | b |\n| - | - |\n',
  '\n---\n', '\n', '\n\n', '    ', '[^1]', '\n\n[^1]: a note\n\n', '<', '>', '&', '"', "'", '...', '--', '\\', 'https://example.org',
  '[link](#a)', '[bad](javascript:alert(1))', '\nTerm\n:   Definition\n',
];

/** Raw HTML: book markup and active markup, open and close tags, attributes good and bad. */
const tagNames = ['span', 'div', 'p', 'abbr', 'kbd', 'sup', 'sub', 'q', 'cite', 'small', 'figure', 'figcaption', 'details', 'summary',
  'ruby', 'rt', 'rp', 'table', 'tr', 'td', 'th', 'li', 'ol', 'dl', 'dd', 'a', 'em', 'section', 'aside', 'h1', 'h3', 'pre', 'code',
  'script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'meta', 'link', 'base', 'svg', 'math', 'template', 'textarea',
  'marquee', 'foreignObject', 'noscript', 'title', 'xmp', 'plaintext', 'select', 'option', 'html', 'body', 'head', 'frameset'];
const attributes = ['', ' id="a"', ' id="1x"', ' lang="fr"', ' dir="rtl"', ' class="c"', ' onclick="alert(1)"', ' style="color:red"',
  ' href="javascript:alert(1)"', ' href="#a"', ' title="t&quot;&lt;"', ' epub:type="note"', ' role="note"', ' data-x="1"', ' xmlns="urn:x"',
  ' xml:lang="en"', ' xlink:href="javascript:1"', ' src="x.png"', ' id="fn-1"', ' id="notes-title"', ' a\u0001b="c"', ' =""'];

const rawTag = fc.tuple(fc.constantFrom(...tagNames), fc.constantFrom(...attributes), fc.boolean()).map(([name, attribute, closing]) =>
  closing ? `</${name}>` : `<${name}${attribute}>`,
);

/** Deep nesting: blockquotes, lists, emphasis or raw elements, up to 200 levels. */
const nesting = fc.tuple(fc.constantFrom('> ', '- ', '*', '<div>', '<span>', '[', '<ruby>'), fc.integer({ min: 1, max: 200 })).map(([open, depth]) => open.repeat(depth));

const anyText = fc.string({ unit: 'binary', maxLength: 12 });

/**
 * A chapter body: any mix of Unicode text (astral, combining, RTL, lone surrogates, control
 * characters), Markdown syntax, raw HTML tags with attributes, and pathological nesting.
 */
export const hostileMarkdown: fc.Arbitrary<string> = fc
  .array(fc.oneof(anyText, fc.constantFrom(...hostile), fc.constantFrom(...markdown), rawTag, nesting), { maxLength: 40 })
  .map((pieces) => pieces.join(''));

/** Inline book markup that the sanitiser keeps, properly nested, around hostile text. */
const bookInline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ unit: 'grapheme', maxLength: 10 }), fc.constantFrom(...hostile.filter((text) => !/[\uD800-\uDFFF]/.test(text) || text.length > 1))),
    fc.tuple(fc.constantFrom('abbr title="x"', 'kbd', 'sub', 'sup', 'q', 'cite', 'small', 'span lang="fr"', 'span dir="rtl"', 'em', 'span onclick="x()"', 'script'), tie('inline'))
      .map(([open, inner]) => `<${open}>${inner}</${open.split(' ')[0]}>`),
    fc.array(tie('inline'), { maxLength: 4 }).map((parts) => parts.join(' ')),
  ),
})).inline;

/**
 * A chapter that a careful author might write with hostile text inside: paragraphs of
 * inline book markup, so its EPUB must be valid as well as well-formed.
 */
export const bookMarkdown: fc.Arbitrary<string> = fc
  .array(bookInline, { minLength: 1, maxLength: 6 })
  .map((paragraphs) => paragraphs.map((paragraph) => paragraph.replace(/\n/g, ' ')).join('\n\n'));
