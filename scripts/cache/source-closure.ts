import { readFileSync } from 'node:fs';
import path from 'node:path';

const relativeImport = /(?:^|\s)(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The source files modules are made of: the `entries` and every file they reach through
 * relative `import` and `export ... from` statements, as absolute paths in a stable
 * order, each with its text. Packages (bare specifiers) are not followed, and a path that
 * names no file (written in a comment, say) is skipped; an entry must exist. Files are
 * read synchronously: a few small sources read at once do not wait in line behind the
 * cache writes that keep libuv's threads busy during a build.
 */
export async function sourceClosure(entries: readonly string[]): Promise<Array<{ path: string; text: string }>> {
  const found = new Map<string, string>();
  for (const entry of entries) found.set(path.resolve(entry), readFileSync(entry, 'utf8'));
  const pending = [...found.keys()];
  while (pending.length > 0) {
    const file = pending.pop()!;
    const text = found.get(file) ?? readIfThere(file);
    if (text === undefined) continue;
    found.set(file, text);
    for (const match of text.matchAll(relativeImport)) {
      const imported = path.resolve(path.dirname(file), match[1]!);
      if (!found.has(imported) && !pending.includes(imported)) pending.push(imported);
    }
  }
  return [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([file, text]) => ({ path: file, text }));
}

/** A source file's text, or undefined when there is no such file. */
function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
