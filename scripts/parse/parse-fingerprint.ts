import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../toolchain-paths.ts';
import { sourceClosure } from './source-closure.ts';

const here = path.join(projectRoot, 'scripts/parse');
let fingerprint: Promise<string> | undefined;

/**
 * A hash of everything in the toolchain that decides what a chapter parses into: the
 * source of a parse job (the processor, how it runs, the record it makes) and of every
 * module it imports, the exact dependency versions (`package-lock.json`) and the
 * Node.js version (which also decides the cache's serialisation format). Computed once
 * per process, from the sources under `scripts/` also when running from the bundle (which
 * is built from them), so both ways of running share one parse cache.
 */
export function parseFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha256').update(process.version);
    for (const file of await sourceClosure([path.join(here, 'parse-job.ts')])) {
      hash.update('\u0000').update(path.relative(here, file.path)).update('\u0000').update(file.text);
    }
    hash.update('\u0000').update(await readFile(path.join(projectRoot, 'package-lock.json')));
    return hash.digest('hex');
  })();
  return fingerprint;
}
