import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * Runs `work` while holding the lock of `outDir`, a `.<out>.lock` folder beside it (made
 * atomically by proper-lockfile, which refreshes it while held and takes over one left by
 * a killed process once it is 10 s stale). Builds into the same folder commit one at a
 * time, so the last one to commit wins, whole.
 */
export async function withOutputLock<T>(outDir: string, work: () => Promise<T>): Promise<T> {
  const resolved = path.resolve(outDir);
  await mkdir(path.dirname(resolved), { recursive: true });
  const release = await lockfile.lock(resolved, {
    realpath: false,
    lockfilePath: path.join(path.dirname(resolved), `.${path.basename(resolved)}.lock`),
    stale: 10_000,
    retries: { retries: 600, minTimeout: 20, maxTimeout: 200 },
  });
  try {
    return await work();
  } finally {
    await release();
  }
}
