import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/** The name prefix of a folder owned by the process `pid`: `<prefix><pid>-`. */
export function ownedPrefix(prefix: string, pid: number = process.pid): string {
  return `${prefix}${pid}-`;
}

/** True when a process with this id is running (ours or another user's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the folders in `parent` named `<prefix><pid>-...` (see {@link ownedPrefix})
 * whose owning process is no longer running: what a build killed by SIGKILL or a power
 * cut left behind. Folders of running processes, and every other entry, are left alone.
 * Returns the folders removed.
 */
export async function removeOrphanedFolders(parent: string, prefix: string): Promise<string[]> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = Number(/^(\d+)-/.exec(entry.slice(prefix.length))?.[1]);
    if (!pid || isProcessAlive(pid)) continue;
    await rm(path.join(parent, entry), { recursive: true, force: true });
    removed.push(path.join(parent, entry));
  }
  return removed;
}
