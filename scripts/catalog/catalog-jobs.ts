import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { charactersWorthSharing } from '../pdf/book-parts.ts';

/**
 * How many books of a catalog to build at once when `--jobs` is not given. A book with
 * less Markdown than `charactersWorthSharing` is laid out and printed as one part, on one
 * core, so as many such books as there are cores keep every core busy, which measured
 * faster than one book at a time. A longer book measures and prints on every core by
 * itself and holds much memory while it prints: with any such book, half the cores, at
 * least one (see docs/performance.md, 'Figures behind the design'). A book's size is the
 * size of the Markdown files in its folder, an estimate made before anything is parsed.
 */
export function catalogJobs(manuscriptDirs: readonly string[], cores = os.availableParallelism()): number {
  const small = manuscriptDirs.every((dir) => markdownBytes(dir) < charactersWorthSharing);
  return small ? cores : Math.max(1, Math.floor(cores / 2));
}

/** The bytes of the Markdown files in a folder and below it; none when it cannot be read. */
function markdownBytes(dir: string): number {
  let total = 0;
  try {
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.md')) total += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
    }
  } catch {
    // A folder that cannot be read fails its build, which says why.
  }
  return total;
}
