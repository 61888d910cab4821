import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths.ts';
import { tempDir } from './run-cli.ts';

/**
 * A copy of the toolchain in a fresh temporary folder, to change its sources without
 * touching this one: `scripts/`, `templates/` and the package files copied, and a
 * `node_modules` of links to this project's packages, so the copy's bundles and caches
 * (`node_modules/.cache/`) are its own.
 */
export function copyProject(): string {
  const copy = tempDir('quire-project-');
  for (const name of ['scripts', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(path.join(projectRoot, name), path.join(copy, name), { recursive: true });
  }
  mkdirSync(path.join(copy, 'node_modules'));
  for (const name of readdirSync(path.join(projectRoot, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(path.join(projectRoot, 'node_modules', name), path.join(copy, 'node_modules', name));
  }
  return copy;
}
