import { describe, expect, it } from 'vitest';
import { forEachLimited } from '../../src/util/parallel.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('forEachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await forEachLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running++;
      most = Math.max(most, running);
      await tick(n % 3);
      done.push(n);
      running--;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('after a failure starts nothing new and rejects only once the running items have finished', async () => {
    const finished: number[] = [];
    const started: number[] = [];
    const result = forEachLimited([1, 2, 3, 4, 5, 6], 3, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('item 1 failed');
      await tick(20);
      finished.push(n);
    });
    await expect(result).rejects.toThrow('item 1 failed');
    // Items 2 and 3 were running when item 1 failed: they ended before the rejection.
    expect(finished.sort()).toEqual([2, 3]);
    expect(started.sort()).toEqual([1, 2, 3]);
  });
});
