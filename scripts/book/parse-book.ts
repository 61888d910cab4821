import { existsSync } from 'node:fs';
import path from 'node:path';
import mime from 'mime';
import type { VFile } from 'vfile';
import { loadConfig } from '../config/load-config.ts';
import { hasErrors } from '../diagnostics/format-message.ts';
import { listChapterFiles } from '../manuscript/list-chapter-files.ts';
import { readSource } from '../manuscript/read-source.ts';
import { createProcessor } from '../parse/create-processor.ts';
import { buildChapter } from './build-chapter.ts';
import { parseSource, type ChapterCache } from './chapter-cache.ts';
import { checkCrossReferences } from './check-cross-references.ts';
import type { Asset, Book, Chapter } from './types.ts';

/** Options of {@link parseBook}. */
export interface ParseBookOptions {
  /** Reuse the parse of chapters whose text did not change (the preview server keeps one). */
  cache?: ChapterCache;
  /** Called after each chapter file is read and parsed, with how many of how many are done. */
  onChapter?: (done: number, total: number) => void;
}

/** What a manuscript parsed into, errors or not. */
export interface ParsedBook {
  /**
   * The book as far as it could be parsed: unreadable chapters are left out. Undefined
   * only when `book.yaml` cannot be used at all.
   */
  book: Book | undefined;
  /** `book.yaml` and every chapter file, in reading order, each with its messages. */
  files: VFile[];
}

/**
 * Parses a manuscript folder into the {@link Book} model and never throws for a problem
 * of the manuscript: validates `book.yaml`, parses each chapter once, checks links across
 * chapters, and returns what it could parse with every located message.
 */
export async function parseBook(manuscriptDir: string, options: ParseBookOptions = {}): Promise<ParsedBook> {
  const root = path.resolve(manuscriptDir);
  const { config, file: configFile } = await loadConfig(root);
  if (!config) return { book: undefined, files: [configFile] };

  const processor = createProcessor({ manuscriptDir: root });
  const sources = await listChapterFiles(root, config.chapters);
  // Names the EPUB and the web edition use for their own pages.
  const usedNames = new Set(['cover', 'titlepage', 'copyright', 'toc', 'index', 'print', 'content']);
  const chapters: Chapter[] = [];
  const chapterFiles: VFile[] = [];
  for (const [done, sourcePath] of sources.entries()) {
    const source = path.join(root, sourcePath);
    // A listed chapter that does not exist was reported by the config check.
    if (!existsSync(source)) continue;
    const read = await readSource(source);
    if (hasErrors([read])) {
      chapterFiles.push(read);
    } else {
      const { tree, file } = options.cache ? await options.cache.parse(processor, read) : { tree: await parseSource(processor, read), file: read };
      const chapter = buildChapter(tree, file, chapters.length, sourcePath, usedNames);
      chapters.push(chapter);
      chapterFiles.push(chapter.file);
    }
    options.onChapter?.(done + 1, sources.length);
  }
  if (sources.length === 0) {
    configFile.message('The manuscript has no chapters: add `*.md` files or a `chapters:` list', { ruleId: 'no-chapters' }).fatal = true;
  }
  checkCrossReferences(chapters);

  const assets = new Map<string, Asset>();
  const addAsset = (relative: string) => {
    const source = path.join(root, relative);
    assets.set(relative, { relative, source, mediaType: mime.getType(relative) ?? 'application/octet-stream' });
  };
  if (config.coverImage) addAsset(config.coverImage);
  for (const chapter of chapters) for (const relative of chapter.file.data.assets ?? []) addAsset(relative);

  return { book: { manuscriptDir: root, config, configFile, chapters, assets }, files: [configFile, ...chapterFiles] };
}
