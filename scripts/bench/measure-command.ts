import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const sampleEveryMs = 200;

/** What one run of a command cost. */
export interface Measurement {
  wallMs: number;
  /** Largest proportional set size (PSS) of the whole process tree seen while it ran. */
  peakBytes: number;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command and samples the memory of its whole process tree (the command, and every
 * process it starts, Chromium's included) every 200 ms. PSS is used rather than RSS so that
 * pages shared between Chromium's processes are counted once. A sample reads /proc for
 * every process (5–10 ms); sampling more often would take a noticeable share of a core
 * from the command being timed on a two-core machine.
 */
export function measureCommand(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let peakBytes = 0;
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peakBytes = Math.max(peakBytes, treeMemory(child.pid));
    }, sampleEveryMs);
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearInterval(sampler);
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
