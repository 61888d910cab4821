import { defaultSchema, type Schema } from 'hast-util-sanitize';

/**
 * Elements removed together with everything inside them: their content is code, styles,
 * embedded documents or foreign markup (SVG, MathML) that could carry script, never text
 * a reader should see.
 */
export const strippedElements: readonly string[] = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'textarea', 'select',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'video', 'audio',
  'canvas', 'title', 'head',
];

/** Elements a book may hold: semantic text markup, lists, tables, figures, notes. */
const bookElements: readonly string[] = [
  // What Markdown itself produces.
  'a', 'blockquote', 'br', 'code', 'dd', 'del', 'div', 'dl', 'dt', 'em', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'hr', 'img', 'input', 'li', 'ol', 'p', 'pre', 'section', 'strong', 'sup', 'table', 'tbody',
  'td', 'th', 'thead', 'tr', 'ul',
  // Semantic HTML that books use.
  'abbr', 'aside', 'b', 'bdi', 'bdo', 'caption', 'cite', 'col', 'colgroup', 'details', 'dfn',
  'figcaption', 'figure', 'i', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small',
  'span', 'sub', 'summary', 'tfoot', 'time', 'u', 'var', 'wbr',
];

/**
 * The sanitising schema for manuscripts, derived from hast-util-sanitize's GitHub-style
 * `defaultSchema`, narrowed to what is valid in EPUB 3 XHTML and widened for books:
 *
 * - elements: {@link bookElements}; anything else is unwrapped (its text kept), and
 *   {@link strippedElements} are removed with their content;
 * - attributes on every element: `id` (not prefixed: JavaScript never runs, so ids cannot
 *   clobber globals), `lang`, `dir`, `title`, `class`, `role`, `epub:type`, `aria-label`;
 *   per element only inert ones (`href`, `src`, `alt`, `cite`, table spans, list numbering,
 *   the GFM footnote and task-list markup the pipeline itself generates). No `style`, no
 *   `align` (`rehypeAlignment` turned those it could into classes) and no event handler
 *   (`on*`) survives;
 * - `href` only `http`, `https`, `mailto` and `tel` (or a relative reference); `src` is
 *   left to `rehype-resources`, which refuses any scheme, absolute path or escape.
 */
export const bookHtmlSchema: Schema = {
  ...defaultSchema,
  tagNames: [...bookElements],
  strip: [...strippedElements],
  ancestors: {
    ...defaultSchema.ancestors,
    caption: ['table'],
    col: ['table'],
    colgroup: ['table'],
    dd: ['dl'],
    dt: ['dl'],
    figcaption: ['figure'],
    li: ['ol', 'ul'],
    rp: ['ruby'],
    rt: ['ruby'],
    summary: ['details'],
  },
  attributes: {
    '*': ['id', 'lang', 'dir', 'title', 'className', 'role', 'epub:type', 'ariaLabel'],
    a: ['href', 'hrefLang', 'ariaDescribedBy', 'dataFootnoteRef', 'dataFootnoteBackref'],
    blockquote: ['cite'],
    col: ['span'],
    colgroup: ['span'],
    del: ['cite', 'dateTime'],
    details: ['open'],
    img: ['src', 'alt', ['width', /^\d+$/], ['height', /^\d+$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ins: ['cite', 'dateTime'],
    li: [['value', /^-?\d+$/]],
    ol: [['start', /^-?\d+$/], 'reversed', ['type', '1', 'a', 'A', 'i', 'I']],
    q: ['cite'],
    section: ['dataFootnotes'],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr'],
    time: ['dateTime'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    cite: ['http', 'https'],
  },
  allowComments: false,
  allowDoctypes: false,
};
