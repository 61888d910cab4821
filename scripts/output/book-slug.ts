import anyAscii from 'any-ascii';

/**
 * The base name of a book's output files, from its title: `Moby Dick` → `moby-dick`. Every
 * script is transliterated (any-ascii: `Война и мир` → `voyna-i-mir`, `كتاب الأغاني` →
 * `ktb-l-ghny`, `红楼梦` → `hong-lou-meng`), so the name keeps the title's sense. A title that
 * gives nothing takes its name from `identifier` (`urn:isbn:978…` → `isbn-978…`), else `book`.
 */
export function bookSlug(title: string, identifier?: string): string {
  return slugOf(title) || slugOf((identifier ?? '').replace(/^urn:/i, '')) || 'book';
}

function slugOf(text: string): string {
  // Each Chinese character is a syllable of its own: `红楼梦` → `hong-lou-meng`, not `hongloumeng`.
  return anyAscii(text.replace(/\p{Script=Han}/gu, (character) => ` ${character} `))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}
