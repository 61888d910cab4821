import path from 'node:path';

/** One manuscript of a build and the folder its outputs go to. */
export interface BookTarget {
  /** The manuscript's folder name, which names the book in messages and its output folder. */
  name: string;
  manuscriptDir: string;
  outDir: string;
}

/**
 * Where each manuscript's outputs go. One manuscript writes straight into `outDir`, as it
 * always has; several each write into `outDir/<manuscript folder name>`. Throws an Error
 * for the usage message when a folder is given twice, or when two folders share a name
 * (`a/book` and `b/book` would both write `dist/book/`): rename one, or build them apart.
 */
export function bookTargets(manuscriptDirs: readonly string[], outDir: string): BookTarget[] {
  const targets = manuscriptDirs.map((manuscriptDir) => {
    const folder = path.basename(path.resolve(manuscriptDir));
    if (!folder && manuscriptDirs.length > 1) throw new Error(`The manuscript folder "${manuscriptDir}" has no folder name to name its outputs by.`);
    const name = folder || manuscriptDir;
    return { name, manuscriptDir, outDir: manuscriptDirs.length === 1 ? outDir : path.join(outDir, name) };
  });
  const seen = new Map<string, BookTarget>();
  for (const target of targets) {
    const earlier = seen.get(target.name);
    if (earlier && path.resolve(earlier.manuscriptDir) === path.resolve(target.manuscriptDir)) {
      throw new Error(`The manuscript folder "${target.manuscriptDir}" is given twice.`);
    }
    if (earlier) {
      throw new Error(
        `The manuscript folders "${earlier.manuscriptDir}" and "${target.manuscriptDir}" are both named "${target.name}", so both would write ${target.outDir}: rename one, or build them with separate commands.`,
      );
    }
    seen.set(target.name, target);
  }
  return targets;
}
