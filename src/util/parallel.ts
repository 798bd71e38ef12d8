/**
 * Runs `work` on every item with at most `limit` running at once, in item
 * order. For many small files: writing two thousand one after another
 * leaves the disk idle between each open, write and close.
 *
 * After a failure no new item starts, and the promise rejects (with the
 * first error) only once the items already running have settled: a run
 * that fails while writing must be able to remove its staging folder
 * without a write still landing in it.
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < items.length && !failure; index = next++) {
      try {
        await work(items[index]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
