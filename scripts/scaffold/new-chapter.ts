import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { bookSlug } from '../output/book-slug.ts';
import { chapterText } from './chapter-text.ts';

/** What adding a chapter did. */
export interface NewChapter {
  /** Absolute path of the new chapter. */
  file: string;
  /** True when the chapter was appended to `chapters:` (or `parts:`) in `book.yaml`. */
  listed: boolean;
}

/**
 * Adds a chapter `NN-slug.md` to a manuscript, numbered after the highest `NN-` file
 * there, with its title in front matter. When `book.yaml` lists its chapters, the new one
 * is appended (to the last part's chapters, in a book listed in `parts:`) through the `yaml` Document API, so comments and layout survive. Refuses
 * (throws) without `book.yaml`, or when the file exists.
 */
export async function newChapter(manuscriptDir: string, title: string): Promise<NewChapter> {
  const configPath = path.join(manuscriptDir, 'book.yaml');
  if (!existsSync(configPath)) throw new Error(`No book.yaml in ${manuscriptDir}: create a book first with \`npm run new -- book DIR\``);
  const numbers = (await readdir(manuscriptDir)).map((name) => /^(\d+)-.*\.md$/i.exec(name)?.[1]).filter((n): n is string => n !== undefined);
  const next = Math.max(0, ...numbers.map(Number)) + 1;
  const width = Math.max(2, ...numbers.map((n) => n.length));
  const name = `${String(next).padStart(width, '0')}-${bookSlug(title)}.md`;
  const file = path.join(manuscriptDir, name);
  if (existsSync(file)) throw new Error(`${file} already exists: nothing was written`);

  const doc = parseDocument(await readFile(configPath, 'utf8'));
  if (doc.errors.length > 0) throw new Error(`${configPath} is not valid YAML: fix it first (npm run check)`);
  const chapters = listToAppendTo(doc);
  const listed = isSeq(chapters);
  await writeFile(file, chapterText(title), { flag: 'wx' });
  if (listed) {
    // The new entry is quoted as the last one is.
    const entry = doc.createNode(name);
    const last = chapters.items.at(-1);
    if (isScalar(last)) entry.type = last.type;
    chapters.add(entry);
    await writeFile(configPath, doc.toString());
  }
  return { file: path.resolve(file), listed };
}

/** The list a new chapter goes at the end of: `chapters:`, or in a book in parts the last part's chapters (else `parts:` itself). */
function listToAppendTo(doc: Document): unknown {
  const parts = doc.get('parts', true);
  if (!isSeq(parts)) return doc.get('chapters', true);
  const last = parts.items.at(-1);
  const chapters = isMap(last) ? last.get('chapters', true) : undefined;
  return isSeq(chapters) ? chapters : parts;
}
