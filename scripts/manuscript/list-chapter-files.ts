import { readdir } from 'node:fs/promises';

/**
 * The chapter files of a manuscript, as manuscript-relative paths in reading order: the
 * `chapters:` list when the book has one, else every `*.md` in the folder by file name.
 */
export async function listChapterFiles(manuscriptDir: string, listed: readonly string[] | undefined): Promise<string[]> {
  if (listed) return [...listed];
  const entries = await readdir(manuscriptDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
