/**
 * A parse worker: parses the jobs its pool sends (see `ParsePool`) with a processor of
 * its own and posts each record back encoded, its buffer transferred, not copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createProcessor } from './create-processor.ts';
import type { ParseJob } from './parse-job.ts';
import { runParseJob } from './parse-job.ts';

const processor = createProcessor({ manuscriptDir: (workerData as { manuscriptDir: string }).manuscriptDir });
const port = parentPort!;
port.on('message', async (job: ParseJob) => {
  try {
    const { bytes } = await runParseJob(processor, job);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    port.postMessage({ type: 'parsed', bytes: buffer }, [buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({ type: 'failed', error: (error as Error)?.stack ?? String(error) });
  }
});
port.postMessage({ type: 'ready' });
