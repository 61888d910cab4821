/**
 * Starts `work` on every item, at most `limit` at a time, starting each next item as soon
 * as one finishes, and returns one promise per item, in the order of `items`, so a caller
 * can use each result as soon as it and those before it are ready. A rejection stops
 * nothing else, and one the caller no longer waits for (it stopped at an earlier one) is
 * not reported as unhandled.
 */
export function startConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Array<Promise<R>> {
  const settlers = items.map(() => {
    let settle!: { resolve: (value: R) => void; reject: (reason: unknown) => void };
    const promise = new Promise<R>((resolve, reject) => (settle = { resolve, reject }));
    promise.catch(() => undefined);
    return { promise, settle };
  });
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index).then(settlers[index]!.settle.resolve, settlers[index]!.settle.reject);
    }
  };
  for (let lanes = Math.max(1, Math.min(limit, items.length)); lanes > 0; lanes--) void lane();
  return settlers.map(({ promise }) => promise);
}

/**
 * Runs `work` on every item, at most `limit` at a time (see {@link startConcurrently}),
 * and resolves with the results in the order of `items`. A rejection stops nothing else
 * but rejects the whole.
 */
export async function runConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  return Promise.all(startConcurrently(items, limit, work));
}
