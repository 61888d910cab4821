import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveBrowser } from '../browser/resolve-browser.ts';
import { readTemplateFile, templatesDir } from '../render/templates.ts';
import type { PageMap } from './page-map.ts';

/**
 * Where measured print layouts are kept between builds: `QUIRE_CACHE_DIR`, else
 * `node_modules/.cache/quire/layout` under the toolchain, the usual home of tool caches.
 * Never inside the output folder.
 */
export function layoutCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.QUIRE_CACHE_DIR ? path.resolve(env.QUIRE_CACHE_DIR, 'layout') : path.resolve(templatesDir, '../node_modules/.cache/quire/layout');
}

/**
 * The key of a print layout: a hash of everything that decides where pages break — the
 * whole print document, the print stylesheets and fonts, and the Chromium binary that
 * lays it out (its path, size and date). Any change to any of them measures again.
 */
export async function layoutKey(printDocument: string, fontsCss: string): Promise<string> {
  const browser = await resolveBrowser();
  const binary = await stat(browser);
  const hash = createHash('sha256');
  for (const part of [printDocument, readTemplateFile('styles/base.css'), readTemplateFile('styles/print.css'), fontsCss, `${browser}:${binary.size}:${binary.mtimeMs}`]) {
    hash.update(part).update('\u0000');
  }
  return hash.digest('hex');
}

/** A layout measured before with the same key, or undefined. */
export async function readCachedLayout(key: string): Promise<PageMap | undefined> {
  try {
    const stored = JSON.parse(await readFile(path.join(layoutCacheDir(), `${key}.json`), 'utf8')) as { pageCount: number; pages: Array<[string, number]> };
    return { pageCount: stored.pageCount, pages: new Map(stored.pages) };
  } catch {
    return undefined;
  }
}

/** Keeps a measured layout for the next build; written whole or not at all. */
export async function writeCachedLayout(key: string, map: PageMap): Promise<void> {
  const dir = layoutCacheDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${key}.json`);
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify({ pageCount: map.pageCount, pages: [...map.pages] }));
  await rename(temporary, file);
}
