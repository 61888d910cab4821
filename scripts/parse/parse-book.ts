import { existsSync } from 'node:fs';
import path from 'node:path';
import mime from 'mime';
import type { VFile } from 'vfile';
import { loadConfig } from '../config/load-config.ts';
import { parseSettings } from '../config/parse-settings.ts';
import type { BookConfig } from '../config/types.ts';
import { hasErrors } from '../diagnostics/format-message.ts';
import { listChapterFiles } from '../manuscript/list-chapter-files.ts';
import { readSource } from '../manuscript/read-source.ts';
import { bookStructure, type BookStructure } from './book-structure.ts';
import { readBookStyles } from '../book/book-styles.ts';
import { buildChapter } from './build-chapter.ts';
import { ChapterCache } from './chapter-cache.ts';
import { parseChapters, type ParseStats } from './parse-chapters.ts';
import { bookPasses } from '../book/passes/book-passes.ts';
import type { BookPass } from '../book/passes/pass.ts';
import { runBookPasses } from '../book/passes/run-passes.ts';
import { sanitizeSvgAssets } from '../book/shipped-assets.ts';
import type { Asset, Book, Chapter, Part } from '../book/types.ts';

/** Options of {@link parseBook}. */
export interface ParseBookOptions {
  /**
   * Where parses of chapters are kept and reused; the caller settles it (see
   * `ChapterCache.settled`). Default: the persistent cache every build shares, settled
   * before this returns.
   */
  cache?: ChapterCache;
  /** Called once `book.yaml` is read and valid, before any chapter is parsed. */
  onConfig?: (config: BookConfig) => void;
  /** Called as each chapter is read and parsed, with how many of how many are done. */
  onChapter?: (done: number, total: number) => void;
  /** The book-wide passes to run once the chapters are built (see `BookPass`). Default: {@link bookPasses}. */
  passes?: readonly BookPass[];
}

/** What a manuscript parsed into, errors or not. */
export interface ParsedBook {
  /**
   * The book as far as it could be parsed: unreadable chapters are left out. Undefined
   * only when `book.yaml` cannot be used at all.
   */
  book: Book | undefined;
  /** `book.yaml`, every chapter file in reading order, the book's stylesheets, then every SVG image, each with its messages. */
  files: VFile[];
  /** How many chapters were parsed afresh and taken from the cache. */
  stats: ParseStats;
}

/**
 * Parses a manuscript folder into the {@link Book} model and never throws for a problem
 * of the manuscript: validates `book.yaml`, parses each chapter once (or takes its parse
 * from the cache), runs the book-wide passes over it (checking links across chapters, see
 * `bookPasses`), and returns what it could parse with
 * every located message.
 */
export async function parseBook(manuscriptDir: string, options: ParseBookOptions = {}): Promise<ParsedBook> {
  const root = path.resolve(manuscriptDir);
  const { config, file: configFile } = await loadConfig(root);
  if (!config) return { book: undefined, files: [configFile], stats: { parsed: 0, reused: 0 } };
  options.onConfig?.(config);

  const sources = await listChapterFiles(root, config.chapters);
  const structure = await bookStructure(root, config, sources);
  // A listed chapter that does not exist was reported by the config check.
  const present = sources.filter((sourcePath) => existsSync(path.join(root, sourcePath)));
  const read = await Promise.all(present.map((sourcePath) => readSource(path.join(root, sourcePath))));
  const parsable = read.filter((file) => !hasErrors([file]));
  let done = sources.length - parsable.length;
  const cache = options.cache ?? ChapterCache.persistent();
  const { trees, keys, stats } = await parseChapters(parsable, {
    manuscriptDir: root,
    settings: parseSettings(config),
    cache,
    onChapter: () => options.onChapter?.(++done, sources.length),
  });
  // Names the EPUB and the web edition use for their own pages.
  const usedNames = new Set(['cover', 'titlepage', 'copyright', 'toc', 'index', 'print', 'content', ...structure.parts.map((_, index) => partId(index))]);
  const chapters: Chapter[] = [];
  const chapterFiles: VFile[] = [];
  // A cache of our own is settled here; one passed in is the caller's to settle.
  if (!options.cache) await cache.settled();
  const parsedOf = new Map(parsable.map((file, index) => [file, { tree: trees[index]!, key: keys[index]! }]));
  for (const [index, file] of read.entries()) {
    const parsed = parsedOf.get(file);
    if (!parsed) {
      chapterFiles.push(file);
      continue;
    }
    const chapter = buildChapter(parsed, file, chapters.length, present[index]!, usedNames, config);
    chapters.push(chapter);
    chapterFiles.push(chapter.file);
  }
  if (sources.length === 0) {
    configFile.message('The manuscript has no chapters: add `*.md` files or a `chapters:` list', { ruleId: 'no-chapters' }).fatal = true;
  }
  const parts = placeChapters(chapters, structure);

  const assets = new Map<string, Asset>();
  const addAsset = (relative: string) => assets.set(relative, bookAsset(root, relative));
  if (config.coverImage) addAsset(config.coverImage);
  for (const chapter of chapters) for (const relative of chapter.file.data.assets ?? []) addAsset(relative);
  const { styles, files: styleFiles } = await readBookStyles(root, config.styles);
  for (const style of styles) for (const relative of style.assets) addAsset(relative);
  const imageFiles = await sanitizeSvgAssets(assets.values());

  const partFiles = structure.parts.flatMap((part) => (part.titleFile ? [part.titleFile] : []));
  const book: Book = { manuscriptDir: root, config, configFile, chapters, parts, assets, styles, facts: {} };
  runBookPasses(book, options.passes ?? bookPasses);
  return { book, files: [configFile, ...partFiles, ...chapterFiles, ...styleFiles, ...imageFiles], stats };
}

/** The id of the part at `index` (from 0): `part-1`, `part-2`... */
function partId(index: number): string {
  return `part-${index + 1}`;
}

/**
 * Places each chapter in the book's structure: the part it belongs to and the chapter it
 * continues (see `bookStructure`). Returns the parts that hold a chapter that could be
 * parsed, numbered in order.
 */
function placeChapters(chapters: Chapter[], structure: BookStructure): Part[] {
  const byPath = new Map(chapters.map((chapter) => [chapter.sourcePath, chapter]));
  const parts: Part[] = [];
  for (const [index, { title, chapters: files }] of structure.parts.entries()) {
    const members = files.flatMap((file) => byPath.get(file) ?? []);
    if (members.length === 0) continue;
    const part: Part = { index: parts.length, id: partId(index), title, chapterIds: members.map((chapter) => chapter.id) };
    for (const chapter of members) chapter.partId = part.id;
    parts.push(part);
  }
  for (const [file, parent] of structure.parents) {
    const chapter = byPath.get(file);
    if (chapter) chapter.parentId = byPath.get(parent)?.id;
  }
  return parts;
}

/** The asset at `relative` in the manuscript folder `root` (a path the config or a chapter checked). */
export function bookAsset(root: string, relative: string): Asset {
  return { relative, source: path.join(root, relative), mediaType: mime.getType(relative) ?? 'application/octet-stream' };
}
