import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { templatesDir } from '../toolchain/toolchain-paths.ts';
import { codeFingerprint } from './code-fingerprint.ts';

/** A piece of what a cache entry is made from: text or bytes. */
export type KeyPart = string | Uint8Array;

/**
 * What the entries of one cache are made from, declared, for {@link cacheKeys}: whatever
 * else an entry depends on is its own content, given for each key.
 */
export interface CacheInputs {
  /** What is cached, such as `parse` or `layout`: caches of two kinds never share a key. */
  kind: string;
  /** Modules (paths under the project) whose code makes the entries: each one's `codeFingerprint`, its imports included. */
  code?: readonly string[];
  /** The settings of `book.yaml` the entries depend on, as plain data (hashed as JSON). */
  config?: unknown;
  /** Files under `templates/` the entries depend on, by name, such as `styles/print.css`. */
  templates?: readonly string[];
  /** Anything else every entry depends on: a style sheet, the browser that lays it out. */
  content?: readonly KeyPart[];
}

/** The key of one entry, from its own content (see {@link cacheKeys}). */
export type CacheKey = (...own: readonly KeyPart[]) => string;

/**
 * The one way a cache's keys are made: the declared {@link CacheInputs} are hashed once,
 * and each key is a SHA-256 (hex) of that and the entry's own content. A change to any
 * declared input changes every key, so nothing an entry was made from is left out by a
 * key built by hand.
 */
export async function cacheKeys(inputs: CacheInputs): Promise<CacheKey> {
  const code = await Promise.all((inputs.code ?? []).map((entry) => codeFingerprint(entry)));
  const shared = createHash('sha256');
  for (const part of [inputs.kind, ...code, JSON.stringify(inputs.config ?? null)]) addPart(shared, part);
  for (const name of inputs.templates ?? []) addPart(addPart(shared, name), readFileSync(path.join(templatesDir, name)));
  for (const part of inputs.content ?? []) addPart(shared, part);
  const base = shared.digest('hex');
  return (...own) => {
    const hash = createHash('sha256').update(base);
    for (const part of own) addPart(hash, part);
    return hash.digest('hex');
  };
}

/** Adds `part` to `hash` after its length, so that no two lists of parts hash alike. */
function addPart(hash: Hash, part: KeyPart): Hash {
  return hash.update(`${part.length}:`).update(part);
}
