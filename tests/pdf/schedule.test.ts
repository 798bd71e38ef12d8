/** How print jobs are shared out: longest first over the tabs, packs in chunks of similar size. */
import { describe, expect, it } from 'vitest';
import { jobSizes, longestFirst } from '../../src/pdf/print-jobs.js';
import {
  CHUNK_CHARACTERS,
  MAX_CHUNK_COPIES,
  copiesPerChunk,
  packChunks,
} from '../../src/produce/print-packs.js';

const job = (html: string) => ({ html, baseUrl: 'file:///tmp/', title: html });

describe('scheduling', () => {
  it('prints the longest documents first, keeping the plan order among equals', () => {
    expect(longestFirst(jobSizes([job('a'), job('ccc'), job('bb'), job('ccc')]))).toEqual([
      1, 3, 2, 0,
    ]);
  });

  it('cuts a class into chunks of nearly equal size, two at least so both tabs work', () => {
    const sizes = (n: number) =>
      packChunks(
        Array.from({ length: n }, (_, i) => i),
        10,
      ).map((c) => c.length);
    expect(sizes(1)).toEqual([1]);
    expect(sizes(3)).toEqual([3]);
    expect(sizes(4)).toEqual([2, 2]);
    expect(sizes(30)).toEqual([10, 10, 10]);
    expect(sizes(12)).toEqual([6, 6]);
    const thousand = sizes(1000);
    expect(thousand.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...thousand)).toBeLessThanOrEqual(10);
    // All the same size but the last, which takes what is left.
    expect(new Set(thousand.slice(0, -1)).size).toBe(1);
    // Every copy once, in class order.
    expect(
      packChunks(
        Array.from({ length: 37 }, (_, i) => i),
        10,
      ).flat(),
    ).toEqual(Array.from({ length: 37 }, (_, i) => i));
  });

  it('puts as many copies in a chunk as make about the same HTML, within a limit', () => {
    // A copy of the bundled quiz (about 37,000 characters) and a marking grid (about 6,800).
    expect(copiesPerChunk(37_000)).toBe(10);
    expect(copiesPerChunk(6_800)).toBe(MAX_CHUNK_COPIES);
    expect(copiesPerChunk(CHUNK_CHARACTERS / 4)).toBe(4);
    // A copy longer than a whole chunk still prints, one a document.
    expect(copiesPerChunk(CHUNK_CHARACTERS * 3)).toBe(1);
    expect(copiesPerChunk(0)).toBe(MAX_CHUNK_COPIES);
  });
});
