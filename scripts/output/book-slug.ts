/**
 * The base name of a book's output files, from its title: `Moby Dick` → `moby-dick`.
 * Accents are folded; a title with no Latin letters or digits gives `book`.
 */
export function bookSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'book';
}
