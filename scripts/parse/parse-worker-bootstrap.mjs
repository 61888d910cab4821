// A worker's entry under tsx: Node 20 loads a worker's entry module before the
// `--import` hooks it inherits are ready, so the TypeScript loader is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
