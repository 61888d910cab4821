import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bookYamlText } from './book-yaml.ts';
import { chapterText } from './chapter-text.ts';

/** The files a new book was given, as absolute paths. */
export interface NewBook {
  files: string[];
}

/**
 * Scaffolds a manuscript in `dir`: a commented `book.yaml` and a first chapter. Refuses
 * (throws) when `dir` exists and is not empty, so nothing is ever overwritten.
 */
export async function newBook(dir: string): Promise<NewBook> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new Error(`${dir} already exists and is not empty: nothing was written`);
  const title = path.basename(path.resolve(dir)).replace(/[-_]+/g, ' ').replace(/^\w/, (letter) => letter.toUpperCase());
  const chapter = '01-introduction.md';
  await mkdir(dir, { recursive: true });
  const files = [path.join(dir, 'book.yaml'), path.join(dir, chapter)];
  await writeFile(files[0]!, bookYamlText({ title, chapters: [chapter] }), { flag: 'wx' });
  await writeFile(files[1]!, chapterText('Introduction', 'The first chapter. Add more with `npm run new -- chapter "Title"`.'), { flag: 'wx' });
  return { files: files.map((file) => path.resolve(file)) };
}
