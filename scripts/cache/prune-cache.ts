import { readdir, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { utimesSync } from 'node:fs';
import path from 'node:path';

/** How long an entry no build has used is kept. */
export const unusedEntryDays = 30;

/** How often a cache folder is looked through for unused entries. */
const pruneEveryMs = 24 * 60 * 60 * 1000;


/**
 * Marks a cache entry as used now, so that {@link pruneCache} keeps it: its modification
 * time is what pruning reads (access times are often not kept). At once, as entries are
 * read (see `FileCache.read`): one small system call. Never fails.
 */
export function touchCacheEntry(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // An entry that cannot be marked is only pruned sooner.
  }
}

/**
 * Removes the entries of the cache folder `dir` that no build has used for
 * {@link unusedEntryDays} days (see {@link touchCacheEntry}), at most once a day, so
 * that edits, new books and toolchain upgrades do not grow the cache for ever. When it
 * last looked is the date of a stamp file beside the folder. Only files whose names match
 * `entries` are removed, whatever else the folder holds; a build reading an entry as it
 * goes finds a miss and parses or measures again. Never fails: a cache that cannot be
 * pruned is only larger.
 */
export async function pruneCache(dir: string, entries: RegExp, now = Date.now()): Promise<void> {
  // Beside the folder, which holds entries only: `parse/` has `.parse-pruned`.
  const stamp = path.join(path.dirname(dir), `.${path.basename(dir)}-pruned`);
  const last = await stat(stamp).then((info) => info.mtimeMs, () => 0);
  if (now - last < pruneEveryMs) return;
  const oldest = now - unusedEntryDays * 24 * 60 * 60 * 1000;
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((candidate) => entries.test(candidate))) {
    const file = path.join(dir, name);
    const modified = await stat(file).then((info) => info.mtimeMs, () => now);
    if (modified < oldest) await unlink(file).catch(() => undefined);
  }
  if (names.length > 0) await writeFile(stamp, '').then(() => utimes(stamp, new Date(now), new Date(now))).catch(() => undefined);
}
