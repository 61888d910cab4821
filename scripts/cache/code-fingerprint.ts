import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sourceClosure } from './source-closure.ts';
import { projectRoot } from '../toolchain/toolchain-paths.ts';

const fingerprints = new Map<string, Promise<string>>();

/**
 * A hash of the toolchain code that the module `entry` (a path under the project) runs:
 * its source and that of every module it imports (see `sourceClosure`), the exact
 * dependency versions (`package-lock.json`) and the Node.js version. What a cache keeps
 * is made by that code, so its keys include this. Computed once per entry and process,
 * from the sources under `scripts/` also when running from the bundle (which is built
 * from them), so both ways of running share one cache.
 */
export function codeFingerprint(entry: string): Promise<string> {
  let fingerprint = fingerprints.get(entry);
  if (!fingerprint) {
    fingerprint = (async () => {
      const hash = createHash('sha256').update(process.version);
      for (const file of await sourceClosure([path.join(projectRoot, entry)])) {
        hash.update('\u0000').update(path.relative(projectRoot, file.path)).update('\u0000').update(file.text);
      }
      hash.update('\u0000').update(readFileSync(path.join(projectRoot, 'package-lock.json')));
      return hash.digest('hex');
    })();
    fingerprints.set(entry, fingerprint);
  }
  return fingerprint;
}
