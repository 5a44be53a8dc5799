/** How many engine calls one bulk action may have in flight at once. */
export const BULK_CONCURRENCY = 8;

/**
 * `Promise.all(items.map(fn))` with at most `limit` calls running at once, results in input order.
 * A selection of thousands must not open thousands of engine connections at the same moment.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  return results;
}
