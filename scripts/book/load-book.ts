import { existsSync } from 'node:fs';
import path from 'node:path';
import mime from 'mime';
import type { VFile } from 'vfile';
import { loadConfig } from '../config/load-config.ts';
import { hasErrors } from '../diagnostics/format-message.ts';
import { ManuscriptError } from '../diagnostics/errors.ts';
import { listChapterFiles } from '../manuscript/list-chapter-files.ts';
import { readSource } from '../manuscript/read-source.ts';
import { createProcessor } from '../parse/create-processor.ts';
import { buildChapter } from './build-chapter.ts';
import { checkCrossReferences } from './check-cross-references.ts';
import type { Asset, Book, Chapter } from './types.ts';

/** A loaded book with every file that carries messages, warnings included. */
export interface LoadedBook {
  book: Book;
  files: VFile[];
}

/**
 * Loads a manuscript folder into the {@link Book} model: validates `book.yaml`, parses
 * each chapter once, and checks links across chapters. Throws a {@link ManuscriptError}
 * carrying every located problem when there are errors, after parsing all it can.
 */
export async function loadBook(manuscriptDir: string): Promise<LoadedBook> {
  const root = path.resolve(manuscriptDir);
  const { config, file: configFile } = await loadConfig(root);
  if (!config) throw new ManuscriptError([configFile]);

  const processor = createProcessor({ manuscriptDir: root });
  const sources = await listChapterFiles(root, config.chapters);
  // Names the EPUB and the web edition use for their own pages.
  const usedNames = new Set(['cover', 'titlepage', 'copyright', 'toc', 'index', 'print', 'content']);
  const chapters: Chapter[] = [];
  const unreadable: VFile[] = [];
  for (const sourcePath of sources) {
    const source = path.join(root, sourcePath);
    // A listed chapter that does not exist was reported by the config check.
    if (!existsSync(source)) continue;
    const file = await readSource(source);
    if (hasErrors([file])) {
      unreadable.push(file);
      continue;
    }
    const tree = await processor.run(processor.parse(file), file);
    chapters.push(buildChapter(tree, file, chapters.length, sourcePath, usedNames));
  }
  if (sources.length === 0) {
    configFile.message('The manuscript has no chapters: add `*.md` files or a `chapters:` list', { ruleId: 'no-chapters' }).fatal = true;
  }
  checkCrossReferences(chapters);

  const files = [configFile, ...unreadable, ...chapters.map((chapter) => chapter.file)];
  if (hasErrors(files)) throw new ManuscriptError(files);

  const assets = new Map<string, Asset>();
  const addAsset = (relative: string) => {
    const source = path.join(root, relative);
    assets.set(relative, { relative, source, mediaType: mime.getType(relative) ?? 'application/octet-stream' });
  };
  if (config.coverImage) addAsset(config.coverImage);
  for (const chapter of chapters) for (const relative of chapter.file.data.assets ?? []) addAsset(relative);

  return { book: { manuscriptDir: root, config, configFile, chapters, assets }, files };
}
