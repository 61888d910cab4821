import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { measureCommand, type Measurement } from './measure-command.ts';

/** What the catalog bench runs, and where. */
export interface CatalogBenchOptions {
  /** The manuscript to copy. */
  manuscript: string;
  /** How many copies, each under its own folder name. */
  copies: number;
  /** A scratch folder for the copies and the outputs. */
  work: string;
  /** The command that runs `quire build`, with its leading arguments (node and the launcher, `scripts/quire.mjs`). */
  build: { command: string; args: readonly string[]; cwd: string };
  /** The environment of every run; its `QUIRE_CACHE_DIR` is emptied before each way of building. */
  env: NodeJS.ProcessEnv & { QUIRE_CACHE_DIR: string };
  /** The `--jobs` values to build the catalog with, one run each. */
  jobs: readonly number[];
}

/** One way of building the copies: its total cost and the time its books spent in each stage. */
export interface CatalogRun {
  name: string;
  run: Measurement;
  /** Milliseconds per stage, summed over the books (stages overlap, within a book and across books). */
  stages: Map<string, number>;
}

/**
 * Builds `copies` copies of a manuscript, all formats, two ways, each from an empty layout
 * cache: one `build` command per copy, one after the other (wall times summed, the peak the
 * highest of any), and one catalog command over all of them, once per `jobs` value.
 */
export async function benchCatalog(options: CatalogBenchOptions): Promise<{ separate: CatalogRun; catalogs: CatalogRun[] }> {
  const names = Array.from({ length: options.copies }, (_, index) => `book-${String(index + 1).padStart(2, '0')}`);
  const dirs = names.map((name) => path.join(options.work, 'catalog-books', name));
  for (const dir of dirs) cpSync(options.manuscript, dir, { recursive: true });
  const runs: Measurement[] = [];
  const build = async (args: readonly string[]) => {
    const run = await measureCommand(options.build.command, [...options.build.args, 'build', '--quiet', '--timings', ...args], { cwd: options.build.cwd, env: options.env });
    if (run.exitCode !== 0) throw new Error(`catalog bench: build ${args.join(' ')} failed:\n${run.stderr}`);
    runs.push(run);
    return run;
  };

  rmSync(options.env.QUIRE_CACHE_DIR, { recursive: true, force: true });
  const separateRuns: Measurement[] = [];
  for (const [index, dir] of dirs.entries()) separateRuns.push(await build(['--manuscript', dir, '--out', path.join(options.work, 'catalog-separate', names[index]!)]));
  const separate: CatalogRun = {
    name: `${options.copies} copies of the default book, ${options.copies} separate builds one after the other (ours)`,
    run: {
      wallMs: separateRuns.reduce((sum, run) => sum + run.wallMs, 0),
      peakBytes: Math.max(...separateRuns.map((run) => run.peakBytes)),
      exitCode: 0,
      stdout: separateRuns.map((run) => run.stdout).join(''),
      stderr: '',
    },
    stages: new Map(),
  };
  const catalogs: CatalogRun[] = [];
  for (const jobs of options.jobs) {
    rmSync(options.env.QUIRE_CACHE_DIR, { recursive: true, force: true });
    const run = await build([...dirs, '--jobs', String(jobs), '--out', path.join(options.work, `catalog-jobs-${jobs}`)]);
    catalogs.push({ name: `${options.copies} copies of the default book, one catalog build, --jobs ${jobs} (ours)`, run, stages: new Map() });
  }
  for (const row of [separate, ...catalogs]) {
    for (const match of row.run.stdout.matchAll(/^timing (?:\S+\/)?(\S+) (\d+) ms$/gm)) row.stages.set(match[1]!, (row.stages.get(match[1]!) ?? 0) + Number(match[2]));
  }
  return { separate, catalogs };
}
