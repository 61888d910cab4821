/**
 * The characters that the `content` declarations of a style sheet `css` write (its
 * strings, CSS escapes decoded, such as `"\2042"` for ⁂): text the page shows that is not
 * in the document, whose faces must be loaded too (see `loadUsedFaces`). Chromium will
 * not let a page read the rules of a style sheet linked from a `file:` URL, so this reads
 * the source.
 */
export function generatedText(css: string): string {
  const strings = [...css.matchAll(/\bcontent\s*:([^;}]*)/g)].flatMap(([, value]) =>
    [...value!.matchAll(/"((?:[^"\\]|\\[\s\S])*)"|'((?:[^'\\]|\\[\s\S])*)'/g)].map((match) => match[1] ?? match[2]!),
  );
  return strings.map(unescapeCss).join('');
}

/** A CSS string's text: `\` and up to six hex digits (and one white space after) is that code point; `\` and another character is that character. */
function unescapeCss(text: string): string {
  return text.replace(/\\([\da-f]{1,6})[ \t\n\r\f]?|\\([\s\S])/gi, (_, hex: string | undefined, other: string | undefined) => {
    if (hex === undefined) return other!;
    const code = parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}
