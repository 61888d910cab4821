/**
 * Runs `work` on every item, at most `limit` at a time, starting each next item as soon as
 * one finishes, and resolves with the results in the order of `items`. `work` should not
 * throw: a rejection stops nothing else but rejects the whole.
 */
export async function runConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
  return results;
}
