import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { bundleDir } from '../toolchain-paths.ts';
import { createProcessor } from './create-processor.ts';
import { decodeParsedRecord } from './parsed-record.ts';
import { runParseJob, type ParseJob, type ParsedJob } from './parse-job.ts';
import type { BookProcessor } from './parse-source.ts';

/**
 * A worker's entry module: in the bundle, the worker's own bundle beside it, loaded
 * natively; from the sources, a bootstrap that registers tsx first (see there).
 */
const workerEntry = bundleDir ? path.join(bundleDir, 'parse-worker.cjs') : new URL('./parse-worker-bootstrap.mjs', import.meta.url);

type WorkerReply = { type: 'ready' } | { type: 'parsed'; bytes: ArrayBuffer } | { type: 'failed'; error: string };

/** Options of {@link parseOnPool}. */
export interface ParsePoolOptions {
  /** Absolute path of the manuscript folder. */
  manuscriptDir: string;
  /** Worker threads to start; 0 parses on this thread only. */
  workers: number;
  /** Whether this thread parses too (default true); when false it does only once no worker is left. */
  parseHere?: boolean;
  /** Bounds on each worker's memory. */
  resourceLimits?: ResourceLimits;
  /** Called as each job is parsed, with where. */
  onParsed?: (index: number, where: 'here' | 'worker') => void;
}

/**
 * Parses jobs on worker threads and on the calling thread together, each taking the
 * next job as soon as it is free: the calling thread starts at once, while the workers
 * are still loading the processor, so a pool never makes a parse wait for them. Results
 * come back in job order whichever thread parsed them.
 *
 * A job that throws fails the parse with its error, as on one thread. A worker that stops
 * (crashes, runs out of memory) hands its job back to the queue, and the parse goes on
 * without it.
 */
export async function parseOnPool(
  jobs: readonly ParseJob[],
  options: ParsePoolOptions,
): Promise<ParsedJob[]> {
  const results = new Array<ParsedJob | undefined>(jobs.length);
  const queue = jobs.map((_, index) => index);
  let remaining = jobs.length;
  let failure: Error | undefined;
  let wake: () => void = () => undefined;
  const finish = (index: number, result: ParsedJob, where: 'here' | 'worker') => {
    results[index] = result;
    remaining--;
    options.onParsed?.(index, where);
    wake();
  };
  const workers: Worker[] = [];
  let running = 0;
  const startWorker = () => {
    const worker = new Worker(workerEntry, {
      workerData: { manuscriptDir: options.manuscriptDir },
      execArgv: [],
      resourceLimits: options.resourceLimits,
    });
    let current: number | undefined;
    const next = () => {
      current = queue.shift();
      if (current === undefined || failure) void worker.terminate();
      else worker.postMessage(jobs[current]);
    };
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'parsed') {
        const index = current!;
        const bytes = new Uint8Array(reply.bytes);
        const record = decodeParsedRecord(jobs[index]!.key, bytes);
        if (record) finish(index, { record, bytes }, 'worker');
        else failure ??= new Error(`A parse worker sent back an unreadable result for ${jobs[index]!.path}`);
      } else if (reply.type === 'failed') {
        failure ??= Object.assign(new Error(`Parsing ${jobs[current!]!.path} failed`), { stack: reply.error });
      }
      if (failure) wake();
      next();
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      running--;
      // Stopped with a job in hand: someone else parses it.
      if (current !== undefined && results[current] === undefined) queue.unshift(current);
      current = undefined;
      wake();
    });
    workers.push(worker);
    running++;
  };
  try {
    for (let n = 0; n < Math.min(options.workers, jobs.length - (options.parseHere === false ? 0 : 1)); n++) startWorker();
    let processor: BookProcessor | undefined;
    while (remaining > 0 && !failure) {
      const index = options.parseHere === false && running > 0 ? undefined : queue.shift();
      if (index !== undefined) {
        processor ??= createProcessor({ manuscriptDir: options.manuscriptDir });
        finish(index, await runParseJob(processor, jobs[index]!), 'here');
        // Let the workers' replies in before the next job.
        await new Promise((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    if (failure) throw failure;
    return results as ParsedJob[];
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
