import path from 'node:path';
import { projectRoot } from '../toolchain/toolchain-paths.ts';

/**
 * Where one kind of cache (`layout`, `parse`) is kept between builds: a subfolder of
 * `QUIRE_CACHE_DIR`, else of `node_modules/.cache/quire` under the toolchain, the usual
 * home of tool caches. Never inside the output folder.
 */
export function cacheDir(kind: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env.QUIRE_CACHE_DIR ? path.resolve(env.QUIRE_CACHE_DIR) : path.join(projectRoot, 'node_modules/.cache/quire');
  return path.join(root, kind);
}
