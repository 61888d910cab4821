import { codeFingerprint } from '../cache/code-fingerprint.ts';

/**
 * A hash of everything in the toolchain that decides what a chapter parses into (see
 * `codeFingerprint`): the source of a parse job (the processor, how it runs, the record it
 * makes) and of every module it imports, the exact dependency versions and the Node.js
 * version (which also decides the cache's serialisation format).
 */
export function parseFingerprint(): Promise<string> {
  return codeFingerprint('scripts/parse/parse-job.ts');
}
