import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './run-cli.ts';

/**
 * A manuscript written for one test: each of `files` (a path in the manuscript, such as
 * `book.yaml` or `part/01-one.md`, and its text) in a new temporary folder, which is returned.
 */
export function writeBook(files: Readonly<Record<string, string>>): string {
  const dir = tempDir();
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), text);
  }
  return dir;
}
