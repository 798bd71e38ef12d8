/**
 * A projective map between the sheet (millimetres) and the scan (pixels),
 * from the four corner marks. It absorbs rotation, scale, skew and the
 * slight perspective of a phone photo in one 3x3 matrix.
 */
import type { Point } from '../sheet/layout-types.js';

/** Row-major 3x3 matrix with h[8] = 1. */
export type Homography = readonly number[];

/** The map taking each `from[i]` to `to[i]` (four points, no three in a line). */
export function homography(from: readonly Point[], to: readonly Point[]): Homography {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8x9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let row = col + 1; row < 8; row++)
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const p = a[col]![col]!;
    if (Math.abs(p) < 1e-12) throw new Error('corner marks are in a line');
    for (let k = col; k < 9; k++) a[col]![k]! /= p;
    for (let row = 0; row < 8; row++) {
      if (row === col) continue;
      const f = a[row]![col]!;
      if (f === 0) continue;
      for (let k = col; k < 9; k++) a[row]![k]! -= f * a[col]![k]!;
    }
  }
  return [...a.map((r) => r[8]!), 1];
}

export function project(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return {
    x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w,
    y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w,
  };
}

/** Pixels per millimetre around a point of the sheet: how large the sheet is in the scan there. */
export function scaleAt(h: Homography, p: Point): number {
  const a = project(h, p);
  const b = project(h, { x: p.x + 1, y: p.y });
  const c = project(h, { x: p.x, y: p.y + 1 });
  return (Math.hypot(b.x - a.x, b.y - a.y) + Math.hypot(c.x - a.x, c.y - a.y)) / 2;
}
