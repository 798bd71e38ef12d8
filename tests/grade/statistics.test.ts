/** Edge cases of the statistics: undefined values are null, never NaN. (The worked class is in class.test.ts.) */
import { expect, test } from 'vitest';
import {
  cronbachAlpha,
  groupSize,
  itemRestCorrelation,
  kr20,
  median,
  pearson,
  sampleSd,
  upperLowerIndex,
} from '../../src/grade/statistics.js';

test('correlations need both variables to vary', () => {
  expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
  expect(pearson([1], [2])).toBeNull();
  expect(pearson([0, 1], [0, 1])).toBeCloseTo(1, 12);
  // Everyone right: the item cannot discriminate.
  expect(itemRestCorrelation([1, 1, 1], [1, 1, 1], [3, 2, 1])).toBeNull();
});

test('KR-20 and alpha need two students, two items and totals that differ', () => {
  expect(kr20([[true, false]])).toBeNull();
  expect(kr20([[true], [false]])).toBeNull();
  expect(
    kr20([
      [true, false],
      [true, false],
    ]),
  ).toBeNull();
  expect(cronbachAlpha([[1, 0.5]])).toBeNull();
  // Two items that always agree: perfectly consistent. Σpq = 2·(1/4), σ² = 1 → 2·(1 − 1/2) = 1.
  expect(
    kr20([
      [true, true],
      [false, false],
    ]),
  ).toBe(1);
});

test('upper and lower groups: 27%, at least one, never overlapping', () => {
  expect([1, 2, 3, 4, 10, 24, 100].map((n) => groupSize(n))).toEqual([0, 1, 1, 1, 3, 6, 27]);
  expect(upperLowerIndex([1], [5])).toBeNull();
  // Ties at the boundary are taken in file order: totals 2, 2 → the first is "upper".
  expect(upperLowerIndex([1, 0], [2, 2])).toBe(1);
});

test('median and SD of small lists', () => {
  expect(median([])).toBe(0);
  expect(median([3, 1, 2])).toBe(2);
  expect(sampleSd([5])).toBe(0);
  expect(sampleSd([1, 3])).toBeCloseTo(Math.SQRT2, 12);
});
