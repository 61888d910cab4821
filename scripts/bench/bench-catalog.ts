import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { measureCommand, timeCommand, type Measurement } from './measure-command.ts';

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
 * Builds `copies` copies of a manuscript, all formats, two ways: one `build` command per
 * copy, one after the other (wall times summed, the peak the highest of any), and one
 * catalog command over all of them, once per `jobs` value. Each way runs twice, each time
 * from an empty cache (the copies of one way share it, as a user's runs would): once with
 * its memory sampled, for the peak, then once unwatched, for the wall time, the unwatched
 * runs of all the ways back to back. Sampling reads /proc for every process of the tree,
 * which costs a catalog, with two books' renderers alive at once, more than a single build
 * (see `measureCommand`).
 */
export async function benchCatalog(options: CatalogBenchOptions): Promise<{ separate: CatalogRun; catalogs: CatalogRun[] }> {
  const names = Array.from({ length: options.copies }, (_, index) => `book-${String(index + 1).padStart(2, '0')}`);
  const dirs = names.map((name) => path.join(options.work, 'catalog-books', name));
  for (const dir of dirs) cpSync(options.manuscript, dir, { recursive: true });
  const emptyCache = () => rmSync(options.env.QUIRE_CACHE_DIR, { recursive: true, force: true });
  const build = async (args: readonly string[], sampled: boolean) => {
    const fullArgs = [...options.build.args, 'build', '--quiet', '--timings', ...args];
    const measureOptions = { cwd: options.build.cwd, env: options.env };
    const run = await (sampled ? measureCommand : timeCommand)(options.build.command, fullArgs, measureOptions);
    if (run.exitCode !== 0) throw new Error(`catalog bench: build ${args.join(' ')} failed:\n${run.stderr}`);
    return run;
  };
  const ways: Array<{ name: string; build: (sampled: boolean) => Promise<Measurement> }> = [
    {
      name: `${options.copies} copies of the default book, ${options.copies} separate builds one after the other (ours)`,
      build: async (sampled) => {
        emptyCache();
        const runs: Measurement[] = [];
        for (const [index, dir] of dirs.entries()) runs.push(await build(['--manuscript', dir, '--out', path.join(options.work, 'catalog-separate', names[index]!)], sampled));
        return {
          wallMs: runs.reduce((sum, run) => sum + run.wallMs, 0),
          peakBytes: Math.max(...runs.map((run) => run.peakBytes)),
          exitCode: 0,
          stdout: runs.map((run) => run.stdout).join(''),
          stderr: '',
        };
      },
    },
    ...options.jobs.map((jobs) => ({
      name: `${options.copies} copies of the default book, one catalog build, --jobs ${jobs} (ours)`,
      build: (sampled: boolean) => {
        emptyCache();
        return build([...dirs, '--jobs', String(jobs), '--out', path.join(options.work, `catalog-jobs-${jobs}`)], sampled);
      },
    })),
  ];
  const peaks: number[] = [];
  for (const way of ways) peaks.push((await way.build(true)).peakBytes);
  const rows: CatalogRun[] = [];
  for (const [index, way] of ways.entries()) rows.push({ name: way.name, run: { ...(await way.build(false)), peakBytes: peaks[index]! }, stages: new Map() });
  for (const row of rows) {
    for (const match of row.run.stdout.matchAll(/^timing (?:\S+\/)?(\S+) (\d+) ms$/gm)) row.stages.set(match[1]!, (row.stages.get(match[1]!) ?? 0) + Number(match[2]));
  }
  const [separate, ...catalogs] = rows;
  return { separate: separate!, catalogs };
}
