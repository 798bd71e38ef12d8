/**
 * How dark each bubble is, against the page's own paper and ink levels,
 * and what that means: filled, empty or doubtful. Only the inside of the
 * bubble is measured (the printed ring is left out), and every bubble is
 * compared with the empty bubbles of the same page, so the grey letter
 * printed inside and the scanner's contrast cancel out.
 */
import { BUBBLE_RADIUS } from '../sheet/digit-grid.js';
import type { Bubble } from '../sheet/layout-types.js';
import { project, type Homography } from './homography.js';
import { sample, type GreyImage } from './image.js';
import type { Levels } from './locate.js';

export type Mark = 'filled' | 'empty' | 'doubtful';

export interface MeasuredBubble {
  bubble: Bubble;
  /** 0 = as light as the page's empty bubbles, 1 = solid ink. */
  fill: number;
  mark: Mark;
}

/**
 * Thresholds on `fill`. A fully inked bubble reads about 0.9, a pencil one
 * 0.5-0.8, a 60% fill about 0.6; a tick or a cross 0.15-0.35, a careful
 * erasure or a stray dot under 0.1. Between the two limits nothing is
 * guessed: the mark goes to the teacher.
 */
export const FILLED = 0.42;
export const EMPTY = 0.16;

/** Sample points inside a bubble, as offsets in mm, inside the printed ring. */
const INNER = (() => {
  const r = BUBBLE_RADIUS * 0.68;
  const points: { dx: number; dy: number }[] = [];
  for (let dy = -r; dy <= r + 1e-9; dy += 0.22)
    for (let dx = -r; dx <= r + 1e-9; dx += 0.22)
      if (dx * dx + dy * dy <= r * r) points.push({ dx, dy });
  return points;
})();

export function darkness(
  image: GreyImage,
  map: Homography,
  levels: Levels,
  bubble: Bubble,
): number {
  const span = Math.max(40, levels.paper - levels.ink);
  let sum = 0;
  for (const { dx, dy } of INNER) {
    const p = project(map, { x: bubble.x + dx, y: bubble.y + dy });
    const v = sample(image, p.x, p.y);
    sum += Math.min(1, Math.max(0, (levels.paper - v) / span));
  }
  return sum / INNER.length;
}

export function measureBubbles(
  image: GreyImage,
  map: Homography,
  levels: Levels,
  bubbles: readonly Bubble[],
): MeasuredBubble[] {
  const raw = bubbles.map((b) => darkness(image, map, levels, b));
  // The page's empty bubble: most bubbles are empty, so the lower third's median.
  const sorted = [...raw].sort((a, b) => a - b);
  const empty = sorted[Math.floor(sorted.length / 6)] ?? 0;
  return bubbles.map((bubble, i) => {
    const fill = Math.max(0, (raw[i]! - empty) / Math.max(0.2, 1 - empty));
    const mark: Mark = fill >= FILLED ? 'filled' : fill <= EMPTY ? 'empty' : 'doubtful';
    return { bubble, fill, mark };
  });
}
