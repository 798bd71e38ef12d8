/** Collecting garbage between print jobs: a long run's Node stays the size of a short one's. */
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { GarbageCollector } from '../../src/util/garbage.js';

const MB = 1024 * 1024;
const held = () => v8.getHeapStatistics().used_heap_size + v8.getHeapStatistics().external_memory;

/** What printing a chunk leaves behind: large strings and buffers nobody refers to any more. */
function makeGarbage(megabytes: number): void {
  for (let i = 0; i < megabytes; i++) {
    // Half a megabyte of text and its base64, as a page sent to the browser.
    const text = `${i}`.padEnd(MB / 2, 'x');
    Buffer.from(text, 'latin1').toString('base64');
  }
}

describe('GarbageCollector', () => {
  it('does nothing while the heap has not grown by the threshold', () => {
    const collector = new GarbageCollector(256 * MB);
    makeGarbage(4);
    expect(collector.collectIfGrown()).toBe(false);
    expect(collector.collections).toBe(0);
  });

  it('collects once the heap has grown by the threshold, giving the garbage back', () => {
    const collector = new GarbageCollector(16 * MB);
    // Kept alive so V8's own collections cannot free the whole lot first.
    const kept: number[][] = [];
    for (let i = 0; i < 48; i++) kept.push(new Array<number>(MB / 8).fill(i));
    const before = held();
    kept.length = 0;
    expect(collector.collectIfGrown()).toBe(true);
    expect(collector.collections).toBe(1);
    expect(held()).toBeLessThan(before - 32 * MB);
    // Right after a collection there is nothing to do.
    expect(collector.collectIfGrown()).toBe(false);
  });
});
