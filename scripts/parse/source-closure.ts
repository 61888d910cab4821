import { readFile } from 'node:fs/promises';
import path from 'node:path';

const relativeImport = /(?:^|\s)(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The source files modules are made of: the `entries` and every file they reach through
 * relative `import` and `export ... from` statements, as absolute paths in a stable
 * order, each with its text. Packages (bare specifiers) are not followed.
 */
export async function sourceClosure(entries: readonly string[]): Promise<Array<{ path: string; text: string }>> {
  const found = new Map<string, string>();
  const pending = entries.map((entry) => path.resolve(entry));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (found.has(file)) continue;
    const text = await readFile(file, 'utf8');
    found.set(file, text);
    for (const match of text.matchAll(relativeImport)) pending.push(path.resolve(path.dirname(file), match[1]!));
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, text]) => ({ path: file, text }));
}
