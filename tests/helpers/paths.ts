import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Fixture folders. */
export const fixturesDir = path.join(projectRoot, 'tests/fixtures');
/** The default book. */
export const defaultManuscript = path.join(projectRoot, 'manuscript');
/** The Moby-Dick corpus, shared beside the project. */
export const mobyDickManuscript = path.resolve(projectRoot, '../shared/corpora/moby-dick/manuscript');
