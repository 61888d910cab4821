import { createHash } from 'node:crypto';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';

/** Folders never looked into: version control and installed packages hold no book files. */
const skipped = new Set(['.git', 'node_modules']);

/**
 * A hash of which files, other than chapters (`*.md`), the manuscript folder holds: their
 * paths, and where each symlink leads. A chapter's parse checks that its images exist
 * inside the manuscript, so it stays valid while this hash does; the images' contents do
 * not matter to it.
 */
export async function assetListingHash(manuscriptDir: string): Promise<string> {
  const hash = createHash('sha256');
  const visit = async (dir: string, relative: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const entryPath = path.join(dir, entry.name);
      const entryRelative = `${relative}${entry.name}`;
      if (entry.isDirectory()) {
        if (!skipped.has(entry.name)) await visit(entryPath, `${entryRelative}/`);
      } else if (entry.isSymbolicLink()) {
        const target = await realpath(entryPath).catch(() => '(broken)');
        hash.update(`${entryRelative} -> ${target}\u0000`);
      } else if (!entry.name.toLowerCase().endsWith('.md')) {
        hash.update(`${entryRelative}\u0000`);
      }
    }
  };
  await visit(manuscriptDir, '');
  return hash.digest('hex');
}
