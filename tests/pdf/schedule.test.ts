/** How print jobs are shared out: longest first over the tabs, packs in chunks of similar size. */
import { describe, expect, it } from 'vitest';
import { longestFirst } from '../../src/pdf/printer.js';
import { CHUNK_COPIES, packChunks } from '../../src/produce/print-packs.js';

const job = (html: string) => ({ html, baseUrl: 'file:///tmp/', title: html });

describe('scheduling', () => {
  it('prints the longest documents first, keeping the plan order among equals', () => {
    expect(longestFirst([job('a'), job('ccc'), job('bb'), job('ccc')])).toEqual([1, 3, 2, 0]);
  });

  it('cuts a class into chunks of nearly equal size, two at least so both tabs work', () => {
    const sizes = (n: number) =>
      packChunks(Array.from({ length: n }, (_, i) => i)).map((c) => c.length);
    expect(sizes(1)).toEqual([1]);
    expect(sizes(3)).toEqual([3]);
    expect(sizes(4)).toEqual([2, 2]);
    expect(sizes(30)).toEqual([10, 10, 10]);
    expect(sizes(12)).toEqual([6, 6]);
    const thousand = sizes(1000);
    expect(thousand.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...thousand)).toBeLessThanOrEqual(CHUNK_COPIES);
    // All the same size but the last, which takes what is left.
    expect(new Set(thousand.slice(0, -1)).size).toBe(1);
    // Every copy once, in class order.
    expect(packChunks(Array.from({ length: 37 }, (_, i) => i)).flat()).toEqual(
      Array.from({ length: 37 }, (_, i) => i),
    );
  });
});
