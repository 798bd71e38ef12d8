/**
 * Classical test statistics as pure functions of numbers, so each can be
 * checked against a hand calculation. Definitions (and why these ones) are
 * in docs/grading.md. A statistic that is undefined for the data (no
 * variance, too few students or items) is `null`, never NaN.
 */

export function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : sum(xs) / xs.length;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Variance dividing by N, as KR-20 and alpha use it. */
export function populationVariance(xs: readonly number[]): number {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
}

/** Standard deviation dividing by N − 1, as a spreadsheet's STDEV reports it. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(sum(xs.map((x) => (x - m) ** 2)) / (xs.length - 1));
}

/** Values closer than this to zero are rounding noise, not variance. */
const EPSILON = 1e-12;

/** Pearson's r; null when either variable does not vary. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length || xs.length < 2) return null;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dx = x - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  });
  return sxx < EPSILON || syy < EPSILON ? null : sxy / Math.sqrt(sxx * syy);
}

/**
 * Corrected item-total correlation: the item's credit against the rest of
 * the test (total minus the item), so the item does not correlate with
 * itself. For a right/wrong item this is the corrected point-biserial.
 */
export function itemRestCorrelation(
  itemCredit: readonly number[],
  itemPoints: readonly number[],
  totals: readonly number[],
): number | null {
  return pearson(
    itemCredit,
    totals.map((t, i) => t - itemPoints[i]!),
  );
}

/** Size of each of the upper and lower groups: 27% of the class, at least 1, and the groups never overlap. */
export function groupSize(students: number, share = 0.27): number {
  return Math.min(Math.floor(students / 2), Math.max(1, Math.round(share * students)));
}

/**
 * Upper-lower discrimination index: mean credit in the top 27% by total
 * minus mean credit in the bottom 27%. Students are ranked once, ties in
 * the order given (the responses file's), and the groups are the two ends
 * of that one ranking, so no student is in both.
 */
export function upperLowerIndex(
  itemCredit: readonly number[],
  totals: readonly number[],
  share = 0.27,
): number | null {
  const g = groupSize(totals.length, share);
  if (g < 1) return null;
  const ranked = totals.map((t, i) => ({ t, i })).sort((a, b) => b.t - a.t || a.i - b.i);
  const credit = (group: { i: number }[]) => mean(group.map((s) => itemCredit[s.i]!));
  return credit(ranked.slice(0, g)) - credit(ranked.slice(-g));
}

/**
 * Kuder-Richardson 20 for right/wrong items: k/(k−1) · (1 − Σ p·q / σ²),
 * with p the share correct on each item and σ² the (population) variance
 * of the number correct. `correct[s][i]` is student s on item i.
 */
export function kr20(correct: readonly (readonly boolean[])[]): number | null {
  const k = correct[0]?.length ?? 0;
  if (correct.length < 2 || k < 2) return null;
  const totals = correct.map((row) => row.filter(Boolean).length);
  const variance = populationVariance(totals);
  if (variance < EPSILON) return null;
  let pq = 0;
  for (let i = 0; i < k; i++) {
    const p = mean(correct.map((row) => (row[i] ? 1 : 0)));
    pq += p * (1 - p);
  }
  return (k / (k - 1)) * (1 - pq / variance);
}

/**
 * Cronbach's alpha on points earned: k/(k−1) · (1 − Σ σ²ᵢ / σ²), which
 * equals KR-20 when every item is right/wrong, and also counts partial
 * credit. `points[s][i]` is student s on item i.
 */
export function cronbachAlpha(points: readonly (readonly number[])[]): number | null {
  const k = points[0]?.length ?? 0;
  if (points.length < 2 || k < 2) return null;
  const variance = populationVariance(points.map((row) => sum(row)));
  if (variance < EPSILON) return null;
  let itemVariance = 0;
  for (let i = 0; i < k; i++) itemVariance += populationVariance(points.map((row) => row[i]!));
  return (k / (k - 1)) * (1 - itemVariance / variance);
}
