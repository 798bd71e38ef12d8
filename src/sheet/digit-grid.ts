/**
 * Numbers on the answer sheet: written in boxes, then one bubble filled per
 * digit column (and a minus sign where a negative answer is possible). The
 * student-ID grid is the same, with no decimals and no sign.
 */
import type { Bubble, DigitGrid, Point } from './layout-types.js';

export const BUBBLE_RADIUS = 2.1;
/** Writing boxes above a digit grid. */
export const BOX = { width: 4.8, height: 6 };
/** How far apart a grid's columns are (the sign's column too). */
export const DIGIT_PITCH_X = 5.6;
const DIGIT_PITCH_Y = 5.2;

/** Integer and decimal columns, and a sign, wide enough for any answer near the key's. */
export function numberFormat(answer: number, tolerance: number) {
  const decimalsOf = (n: number) => (String(n).split('.')[1] ?? '').length;
  const decimals = Math.min(3, Math.max(decimalsOf(answer), decimalsOf(tolerance)));
  const largest = Math.floor(Math.abs(answer) + tolerance);
  // Never fewer than four integer columns, so the grid does not give away the answer's size.
  const integers = Math.max(4, String(largest).length + 1);
  return { integers, decimals, signed: answer - tolerance < 0 };
}

/** Boxes on top, then rows 0-9; `x`, `y` is the top-left of the first box. */
export function digitGrid(
  x: number,
  y: number,
  count: number,
  decimals: number,
  signed: boolean,
): DigitGrid {
  const boxes: Point[] = [];
  const columns: Bubble[][] = [];
  for (let c = 0; c < count; c++) {
    // A gap for the printed decimal point before the first decimal column.
    const cx = x + c * DIGIT_PITCH_X + (decimals > 0 && c >= count - decimals ? 2 : 0);
    boxes.push({ x: cx, y });
    columns.push(
      Array.from({ length: 10 }, (_, d) => ({
        value: String(d),
        x: cx + BOX.width / 2,
        y: y + BOX.height + 1.5 + BUBBLE_RADIUS + d * DIGIT_PITCH_Y,
      })),
    );
  }
  return {
    boxes,
    columns,
    decimals,
    ...(signed
      ? {
          sign: {
            value: '-',
            x: x - DIGIT_PITCH_X + BOX.width / 2,
            y: y + BOX.height + 1.5 + BUBBLE_RADIUS,
          },
        }
      : {}),
  };
}

function gridHeight(): number {
  return BOX.height + 1.5 + 10 * DIGIT_PITCH_Y + 1;
}

export function numberBlockHeight(): number {
  return gridHeight() + 3;
}

export function idGridHeight(): number {
  return gridHeight() + 6;
}
