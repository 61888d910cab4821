import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const sampleEveryMs = 200;
const earlySampleEveryMs = 25;

/** What a command cost. */
export interface Measurement {
  /** Wall time: the median of the unwatched runs, or of the one sampled run when there were none. */
  wallMs: number;
  /** Largest proportional set size (PSS) of the whole process tree seen while it ran. */
  peakBytes: number;
  exitCode: number | null;
  /** What the run whose wall time is reported printed. */
  stdout: string;
  stderr: string;
}

/** How {@link measureCommand} runs a command. */
export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Runs before every run, to set the state each starts from (empty a cache, edit a chapter). */
  before?: () => void;
  /**
   * How many more runs, with no memory sampling, give the wall time (their median); with
   * 0 it comes from the sampled run. Default 0.
   */
  timedRuns?: number;
}

/**
 * Runs a command once while sampling the memory of its whole process tree (the command,
 * and every process it starts, Chromium's included) every 25 ms for its first 200 ms, then
 * every 200 ms; then `timedRuns` times unwatched for its wall time. PSS is used rather
 * than RSS so that pages shared between Chromium's processes are counted once. A sample
 * reads /proc for every process, which takes a share of a core from the command on a
 * two-core machine and makes a sampled build measurably slower than an unwatched one (see
 * docs/performance.md, 'Figures behind the design'), so a ratio should compare unwatched
 * runs. A run that fails is returned at once.
 */
export async function measureCommand(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const [measured] = await measureAlternately([{ command, args, options }], options.timedRuns ?? 0);
  return measured!;
}

/** Runs a command once, unwatched, for its wall time alone (its `peakBytes` is 0); see {@link measureCommand}. */
export function timeCommand(command: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  options.before?.();
  return runOnce(command, args, options, false);
}

/** A command for {@link measureAlternately}: what {@link measureCommand} takes. */
export interface Contender {
  command: string;
  args: readonly string[];
  options?: MeasureOptions;
}

/**
 * Measures commands side by side (see {@link measureCommand} for one): each once sampling
 * memory, in the order given, then `rounds` rounds in which each runs once more, timed,
 * in the same order (`before` runs before every run); each gets the median wall time of
 * its rounds. On a shared machine whose speed drifts much within minutes, the two
 * sides of a ratio are then timed under the same conditions, where medians taken minutes
 * apart compare the drift more than the commands. A run that fails is returned as it is, and the rest is not run.
 */
export async function measureAlternately(contenders: readonly Contender[], rounds: number): Promise<Measurement[]> {
  const sampled: Measurement[] = [];
  for (const { command, args, options = {} } of contenders) {
    options.before?.();
    const run = await runOnce(command, args, options, true);
    if (run.exitCode !== 0) return [...sampled, run];
    sampled.push(run);
  }
  const timed = contenders.map(() => [] as Measurement[]);
  for (let round = 0; round < rounds; round++) {
    for (const [index, { command, args, options = {} }] of contenders.entries()) {
      options.before?.();
      const run = await runOnce(command, args, options, false);
      if (run.exitCode !== 0) return [...sampled.slice(0, index), run];
      timed[index]!.push(run);
    }
  }
  return sampled.map((run, index) => {
    const runs = timed[index]!.sort((a, b) => a.wallMs - b.wallMs);
    return runs.length === 0 ? run : { ...runs[Math.floor((runs.length - 1) / 2)]!, peakBytes: run.peakBytes };
  });
}

/** One run of the command, its memory sampled or not. */
function runOnce(command: string, args: readonly string[], options: MeasureOptions, sample: boolean): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakBytes = 0;
    const sampleMemory = () => {
      if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeMemory(child.pid));
    };
    // Sampled more often at first, so that a command shorter than the interval (`--help`)
    // is sampled too.
    const early = sample ? setInterval(sampleMemory, earlySampleEveryMs) : undefined;
    const settled = setTimeout(() => clearInterval(early), sampleEveryMs);
    const sampler = sample ? setInterval(sampleMemory, sampleEveryMs) : undefined;
    const stopSampling = () => {
      clearInterval(early);
      clearTimeout(settled);
      clearInterval(sampler);
    };
    child.on('error', (error) => {
      stopSampling();
      reject(error);
    });
    child.on('close', (exitCode) => {
      stopSampling();
      resolve({ wallMs: performance.now() - started, peakBytes, exitCode, stdout, stderr });
    });
  });
}

/** The summed PSS of a process and all its descendants, from /proc. */
export function treeMemory(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += processMemory(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

function processMemory(pid: number): number {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const pss = /^Pss:\s+(\d+) kB/m.exec(rollup);
    if (pss) return Number(pss[1]) * 1024;
  } catch {
    // Fall through to RSS, or nothing if the process is gone.
  }
  try {
    const statm = readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ');
    return Number(statm[1]) * 4096;
  } catch {
    return 0;
  }
}
