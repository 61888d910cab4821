import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A frame's location in a `.cjs` module, as a path or a file URL: the module without its extension, line, column. */
const moduleLocation = /(file:\/\/[^\s()]+?|\/[^\s()]+?)\.cjs:(\d+):(\d+)/g;

/**
 * `stack` with every frame in a module of `bundleDir` pointed at the TypeScript source,
 * line and column it was bundled from, as read from the module's source map beside it;
 * other frames are left as they are. Stacks are mapped here, when one is printed, rather
 * than by Node's `--enable-source-maps`, which slowed every command (on `--help` as on a
 * build), as each dependency loads (see docs/performance.md, 'Figures behind the design').
 */
export function sourceMappedStack(stack: string, bundleDir: string): string {
  const maps = new Map<string, SourceMap | undefined>();
  return stack.replace(moduleLocation, (location, module: string, line: string, column: string) => {
    const file = `${module.startsWith('file:') ? fileURLToPath(module) : module}.cjs`;
    if (path.dirname(file) !== bundleDir) return location;
    if (!maps.has(file)) maps.set(file, readSourceMap(`${file}.map`));
    const entry = maps.get(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return location;
    return `${path.resolve(bundleDir, entry.originalSource)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

function readSourceMap(file: string): SourceMap | undefined {
  try {
    return new SourceMap(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}
