import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EnvironmentError, ExitCode } from '../diagnostics/errors.ts';
import { ownedPrefix, removeOrphanedFolders } from '../process/orphaned-folders.ts';
import { registerSignalCleanup } from '../process/signal-cleanup.ts';
import { withOutputLock } from './output-lock.ts';

/**
 * Outputs written beside the output folder, then moved into it only when the whole build
 * has succeeded. Each output is renamed into place, so a reader of `dist/` sees either the
 * old file or the new one, never half of one; a failed build leaves `dist/` as it was.
 * Builds into the same folder commit one at a time (the last one wins, whole). A file
 * system error is an {@link EnvironmentError} with exit code 4 that names the folder.
 */
export class StagedOutput {
  readonly dir: string;
  readonly outDir: string;
  private readonly unregister: () => void;
  private constructor(dir: string, outDir: string) {
    this.dir = dir;
    this.outDir = outDir;
    this.unregister = registerSignalCleanup(() => rmSync(dir, { recursive: true, force: true }));
  }

  /**
   * Creates the staging folder `.<out>.staging-<pid>-*` next to `outDir` (same file system,
   * so renames are atomic), after removing those that killed builds left behind.
   */
  static async create(outDir: string): Promise<StagedOutput> {
    const resolved = path.resolve(outDir);
    return writing(resolved, async () => {
      const parent = path.dirname(resolved);
      const prefix = `.${path.basename(resolved)}.staging-`;
      await mkdir(parent, { recursive: true });
      await removeOrphanedFolders(parent, prefix);
      const dir = await mkdtemp(path.join(parent, ownedPrefix(prefix)));
      return new StagedOutput(dir, resolved);
    });
  }

  /** The staged path of an output, such as `book.epub` or `html/index.html`. */
  path(relative: string): string {
    return path.join(this.dir, relative);
  }

  /** Writes one staged file, creating its folders. */
  async write(relative: string, data: string | Uint8Array): Promise<void> {
    const target = this.path(relative);
    await writing(this.outDir, async () => {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, data);
    });
  }

  /**
   * Writes many staged files at once (a web edition's pages, styles, fonts and images),
   * each folder created once: one after another, a few hundred small writes leave the
   * build waiting on the disk (see docs/performance.md, 'Figures behind the design').
   */
  async writeAll(files: ReadonlyArray<{ relative: string; data: string | Uint8Array }>): Promise<void> {
    await writing(this.outDir, async () => {
      const folders = new Set(files.map((file) => path.dirname(this.path(file.relative))));
      await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
      await Promise.all(files.map((file) => writeFile(this.path(file.relative), file.data)));
    });
  }

  /**
   * Moves the named staged outputs (files or folders) into the output folder. A folder
   * replaces the old one in two renames: the old one steps aside, the new one steps in.
   */
  async commit(names: readonly string[]): Promise<string[]> {
    return writing(this.outDir, () =>
      withOutputLock(this.outDir, async () => {
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
      }),
    );
  }

  /** Removes the staging folder and whatever is left in it. */
  async discard(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    this.unregister();
  }
}

/** Runs file work for `outDir`, turning a file system error into a clear {@link EnvironmentError}. */
async function writing<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code) throw error;
    throw new EnvironmentError(`Could not write the outputs for ${outDir}: ${message}`, ExitCode.output);
  }
}
