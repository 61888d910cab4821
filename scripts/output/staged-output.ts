import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Staging folders of builds still running in this process. */
const active = new Set<string>();

/**
 * Removes every staging folder of this process at once. For signal handlers (Ctrl-C),
 * where there is no time to wait for promises.
 */
export function discardAllStagingSync(): void {
  for (const dir of active) rmSync(dir, { recursive: true, force: true });
  active.clear();
}

/**
 * Outputs written beside the output folder, then moved into it only when the whole build
 * has succeeded. Each output is renamed into place, so a reader of `dist/` sees either the
 * old file or the new one, never half of one; a failed build leaves `dist/` as it was.
 */
export class StagedOutput {
  readonly dir: string;
  readonly outDir: string;
  private constructor(dir: string, outDir: string) {
    this.dir = dir;
    this.outDir = outDir;
  }

  /** Creates the staging folder next to `outDir` (same file system, so renames are atomic). */
  static async create(outDir: string): Promise<StagedOutput> {
    const resolved = path.resolve(outDir);
    await mkdir(path.dirname(resolved), { recursive: true });
    const dir = await mkdtemp(path.join(path.dirname(resolved), `.${path.basename(resolved)}.staging-`));
    active.add(dir);
    return new StagedOutput(dir, resolved);
  }

  /** The staged path of an output, such as `book.epub` or `html/index.html`. */
  path(relative: string): string {
    return path.join(this.dir, relative);
  }

  /** Writes one staged file, creating its folders. */
  async write(relative: string, data: string | Uint8Array): Promise<void> {
    const target = this.path(relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }

  /**
   * Moves the named staged outputs (files or folders) into the output folder. A folder
   * replaces the old one in two renames: the old one steps aside, the new one steps in.
   */
  async commit(names: readonly string[]): Promise<string[]> {
    await mkdir(this.outDir, { recursive: true });
    const committed: string[] = [];
    for (const name of names) {
      const target = path.join(this.outDir, name);
      const aside = path.join(this.dir, `.replaced-${name}`);
      await rename(target, aside).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(this.path(name), target);
      committed.push(target);
    }
    return committed;
  }

  /** Removes the staging folder and whatever is left in it. */
  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    active.delete(this.dir);
  }
}
