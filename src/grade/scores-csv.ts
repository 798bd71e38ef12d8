/**
 * scores.csv: one row per graded copy, in the order of the responses file,
 * with the points of each item by its position on that copy. Numbers are
 * written plainly (no thousands separators, a point for decimals) so any
 * spreadsheet reads them.
 */
import { stringify } from 'csv-stringify/sync';
import { percent } from './analysis.js';
import type { ScoredSheet } from './score.js';

/** Up to two decimals, without trailing zeros: 1, 0.5, 0.67. */
export function points(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export function scoresCsv(sheets: readonly ScoredSheet[], withNames: boolean): string {
  const count = Math.max(0, ...sheets.map((s) => s.items.length));
  const header = [
    'id',
    ...(withNames ? ['name'] : []),
    'version',
    ...Array.from({ length: count }, (_, i) => String(i + 1)),
    'total',
    'percent',
  ];
  const rows = sheets.map((s) => [
    s.sheet.id,
    ...(withNames ? [s.sheet.student?.name ?? ''] : []),
    s.sheet.copy.version,
    ...s.items.map((i) => points(i.points)),
    points(s.total),
    (Math.round(percent(s.total, s.max) * 10) / 10).toFixed(1),
  ]);
  return stringify([header, ...rows], { record_delimiter: 'unix' });
}
