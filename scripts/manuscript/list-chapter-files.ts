import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** The file in a part's folder that gives the part its title (see `folderParts`); never a chapter. */
export const partTitleFile = '_part.md';

/**
 * The chapter files of a manuscript, as manuscript-relative POSIX paths in reading order:
 * the `chapters:` (or `parts:`) list when the book has one, else every `*.md` in the folder
 * and its sub-folders. A folder's entries are read in name order, a file before the folder
 * of the same name (`01-chapter.md`, then `01-chapter/`), so a chapter comes before the
 * sub-chapters in the folder named after it. `_part.md`, hidden entries and folders whose
 * name begins with `_` are not chapters.
 */
export async function listChapterFiles(manuscriptDir: string, listed: readonly string[] | undefined): Promise<string[]> {
  if (listed) return [...listed];
  return listFolder(manuscriptDir, '');
}

async function listFolder(root: string, relative: string): Promise<string[]> {
  const entries = await readdir(path.join(root, relative), { withFileTypes: true });
  const wanted = entries
    .filter((entry) => !entry.name.startsWith('.'))
    .filter((entry) => (entry.isDirectory() ? !entry.name.startsWith('_') : entry.isFile() && entry.name.toLowerCase().endsWith('.md') && entry.name !== partTitleFile))
    .map((entry) => ({ name: entry.name, folder: entry.isDirectory(), stem: entry.isDirectory() ? entry.name : entry.name.slice(0, -3) }))
    .sort((a, b) => compare(a.stem, b.stem) || Number(a.folder) - Number(b.folder) || compare(a.name, b.name));
  const files: string[] = [];
  for (const entry of wanted) {
    const inner = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.folder) files.push(...(await listFolder(root, inner)));
    else files.push(inner);
  }
  return files;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
