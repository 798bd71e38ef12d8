/**
 * Runs `work` on every item with at most `limit` running at once, in item
 * order. For many small files: writing two thousand one after another
 * leaves the disk idle between each open, write and close.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) await work(items[index]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
