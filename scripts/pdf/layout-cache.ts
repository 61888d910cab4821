import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { chromiumFlags } from '../browser/chromium-flags.ts';
import { resolveBrowser } from '../browser/resolve-browser.ts';
import { cacheDir } from '../cache/cache-dir.ts';
import { codeFingerprint } from '../cache/code-fingerprint.ts';
import { pruneCache, touchCacheEntry } from '../cache/prune-cache.ts';
import { writeFileAtomic } from '../cache/write-file-atomic.ts';
import { readTemplateFile } from '../render/templates.ts';
import type { ChapterLayout, FrontLayout } from './measure-layout.ts';
import { blockHtml, renderPrintDocument, type PrintBody } from './print-document.ts';

/** Where measured print layouts are kept between builds (see {@link cacheDir}). */
export function layoutCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheDir('layout', env);
}

/** The cache keys of a book's layout: one for its front pages, one per chapter or part page. */
export interface LayoutKeys {
  front: string;
  chapters: Map<string, string>;
}

/**
 * The keys under which the parts of a book's layout are cached. Each is a hash of what
 * decides where that part's pages break: its own HTML (a chapter's section; for the front
 * pages, the print document without chapters, which holds the contents), plus what every
 * part shares — the measuring code, the trim, the print stylesheets and fonts, and the Chromium binary that
 * lays it out (its path, size and date) with the flags it is started with. Editing one
 * chapter changes only its own key and, when its title changes, the front pages'.
 */
export async function layoutKeys(body: PrintBody, fontsCss: string): Promise<LayoutKeys> {
  const browser = await resolveBrowser();
  const binary = await stat(browser);
  const { trim } = body.book.config;
  const shared = [await codeFingerprint('scripts/pdf/column-layout.ts'), readTemplateFile('styles/base.css'), readTemplateFile('styles/print.css'), readTemplateFile('print/measure.css'), fontsCss, `${trim.width}x${trim.height}`, `${browser}:${binary.size}:${binary.mtimeMs}`, chromiumFlags.join(' ')];
  const key = (kind: string, content: string) => {
    const hash = createHash('sha256').update(kind);
    for (const part of [...shared, content]) hash.update('\u0000').update(part);
    return `${kind}-${hash.digest('hex')}`;
  };
  return {
    front: key('front', renderPrintDocument(body, { chapterIds: new Set() })),
    chapters: new Map(body.blocks.map((block) => [block.id, key('chapter', blockHtml(body, block.id))])),
  };
}

/**
 * A part of a layout measured before under the same key, or undefined. Read
 * synchronously, as the print HTML cache reads (see `PrintChapterCache.read`).
 */
export async function readCachedLayout<T extends ChapterLayout | FrontLayout>(key: string): Promise<T | undefined> {
  const file = path.join(layoutCacheDir(), `${key}.json`);
  try {
    const layout = JSON.parse(readFileSync(file, 'utf8')) as T;
    touchCacheEntry(file);
    return layout;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a measured part of a layout for the next build; written whole or not at all, and
 * through a temporary file of its own, so books of one catalog that measure the same part
 * at once (two copies of a book) never rename each other's file away.
 */
export async function writeCachedLayout(key: string, layout: ChapterLayout | FrontLayout): Promise<void> {
  await writeFileAtomic(path.join(layoutCacheDir(), `${key}.json`), JSON.stringify(layout));
}

/**
 * Forgets a book's cached layout, front pages and every chapter: a print found it wrong
 * (its chapters did not land where it said), so the next build measures again instead of
 * planning from it, and an EPUB's page list never follows it.
 */
export async function dropCachedLayouts(keys: LayoutKeys): Promise<void> {
  await Promise.all([keys.front, ...keys.chapters.values()].map((key) => rm(path.join(layoutCacheDir(), `${key}.json`), { force: true })));
}

/** Removes the layout cache's entries that no build has used for a month (see `pruneCache`). */
export function pruneLayoutCache(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return pruneCache(layoutCacheDir(env), /^(front|chapter)-[\da-f]{64}\.json$/);
}
