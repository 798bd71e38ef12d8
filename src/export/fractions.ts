/**
 * Moodle only imports answer grades from a fixed list (question_bank::
 * fraction_options_full(): each grade must match one within 0.00001 of a
 * fraction), and a multiple-answer question's positive grades must add up
 * to 100% (rounded to whole percent by qtype_multichoice). This module splits
 * 100% over several answers using those values only; GIFT uses the same
 * numbers because Moodle's GIFT import runs the same checks.
 */

/** Moodle's allowed percentages (positive half; each may also be negative). */
export const MOODLE_PERCENTAGES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571,
  12.5, 11.11111, 10, 5,
] as const;

const SUM_TOLERANCE = 0.01;

/**
 * `count` percentages from Moodle's list that add up to 100.
 *
 * Rule: an equal share when 100/count is in the list (1 to 10 answers, or
 * 20). Otherwise two neighbouring values as close together as possible,
 * the larger ones first (11 answers: nine at 10% and two at 5%). More than
 * 20 answers cannot add up to 100 with these values: undefined.
 */
export function splitHundred(count: number): number[] | undefined {
  if (!Number.isInteger(count) || count < 1) return undefined;
  const equal = MOODLE_PERCENTAGES.find((p) => Math.abs(p * count - 100) < SUM_TOLERANCE);
  if (equal !== undefined) return Array.from({ length: count }, () => equal);
  let best: { high: number; low: number; highCount: number } | undefined;
  for (const high of MOODLE_PERCENTAGES) {
    for (const low of MOODLE_PERCENTAGES) {
      if (low >= high) continue;
      for (let highCount = 1; highCount < count; highCount++) {
        const sum = highCount * high + (count - highCount) * low;
        if (Math.abs(sum - 100) >= SUM_TOLERANCE) continue;
        if (!best || high - low < best.high - best.low) best = { high, low, highCount };
      }
    }
  }
  if (!best) return undefined;
  const { high, low, highCount } = best;
  return Array.from({ length: count }, (_, i) => (i < highCount ? high : low));
}

/** A percentage as Moodle writes it: at most five decimals, no trailing zeros. */
export function formatPercentage(value: number): string {
  return String(Number(value.toFixed(5)));
}
