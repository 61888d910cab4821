import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** What changed since the last call, after the debounce. */
export interface Changes {
  /** Absolute paths of the changed files. */
  paths: string[];
}

/**
 * Watches folders recursively (`fs.watch`) and calls `onChange` once the changes have
 * paused for `debounceMs`, with every path that changed meanwhile. Editors save in
 * bursts (a temporary file, a rename, a write), and this makes each burst one call.
 */
export function watchFolders(dirs: readonly string[], onChange: (changes: Changes) => void, debounceMs = 80): { close(): void } {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = dirs.map((dir) =>
    watch(dir, { recursive: true }, (_event, name) => {
      pending.add(path.join(dir, name ? String(name) : ''));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const paths = [...pending];
        pending.clear();
        onChange({ paths });
      }, debounceMs);
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
