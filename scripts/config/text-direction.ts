/** The direction a language's text runs in: `ltr` (left to right) or `rtl` (right to left). */
export type TextDirection = 'ltr' | 'rtl';

/**
 * The scripts written right to left (ISO 15924 codes): Arabic, Hebrew, Thaana (Dhivehi),
 * Syriac, N'Ko, Adlam, Samaritan, Mandaic, Hanifi Rohingya, Mende Kikakui, Old Hungarian
 * and Yezidi, the ones a book's language may still be written in.
 */
const rightToLeftScripts: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Samr', 'Mand', 'Rohg', 'Mend', 'Hung', 'Yezi']);

/**
 * The direction of text in language `lang`, a BCP 47 tag, from the script it is written
 * in: the tag's own script subtag, else the script its language is likely written in
 * (`Intl.Locale.maximize`, from CLDR). So `ar`, `he`, `fa`, `ur`, `yi`, `dv` and `ckb` are
 * `rtl`, as is `pa-Arab`, while `ar-Latn` and `sd-Deva` are `ltr`. A tag that is not
 * well formed is `ltr`.
 */
export function textDirection(lang: string): TextDirection {
  try {
    const script = new Intl.Locale(lang).maximize().script;
    return script !== undefined && rightToLeftScripts.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}

/** A letter of a script written right to left, or a right-to-left mark (U+200F, U+061C). */
const rightToLeftCharacter = new RegExp(`[\\u200F\\u061C]|${[...rightToLeftScripts].map((script) => `\\p{Script=${script}}`).join('|')}`, 'u');

/** The characters that set a direction in the Unicode bidirectional algorithm, near enough: letters, and the directional marks. */
const strongCharacter = /[\p{L}\u200E\u200F\u061C]/u;

/**
 * The direction of the first character of `text` that has one (a letter, or a directional
 * mark), as the Unicode bidirectional algorithm and HTML's `dir="auto"` take a paragraph's
 * direction from it; undefined when it has none (only digits, spaces and punctuation).
 */
export function firstStrongDirection(text: string): TextDirection | undefined {
  const found = strongCharacter.exec(text);
  if (!found) return undefined;
  return rightToLeftCharacter.test(found[0]) ? 'rtl' : 'ltr';
}
