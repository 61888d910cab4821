/** Synchronous cleanups registered by work still in progress in this process. */
const cleanups = new Set<() => void>();

/**
 * Registers `cleanup` to run if the process is stopped by a signal (Ctrl-C, `kill`) while
 * the work that registered it is still going: a staging folder to remove, a browser to
 * kill. It must be synchronous, since a signal handler cannot wait for promises. Returns
 * the function that unregisters it, for when the work ends normally.
 */
export function registerSignalCleanup(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered cleanup once, newest first; one that throws does not stop the rest. */
export function runSignalCleanups(): void {
  for (const cleanup of [...cleanups].reverse()) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is going away.
    }
  }
}
