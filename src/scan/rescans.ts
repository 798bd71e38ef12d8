/**
 * Second scans of sheets with no student ID. A sheet with an ID (or a
 * name) is grouped by it, so a second scan of it is found when the copies
 * are assembled (assemble.ts). A sheet with none is a copy of its own, and
 * a page fed twice, or a stack scanned again, would count its pupil twice.
 * Such a page is taken for an earlier one when both are the same sheet
 * page of the same version, read the same marks (but for marks in doubt
 * on either), and their pictures match (fingerprint.ts).
 *
 * A match is sure when the two pages are one image (the same scan handed
 * in twice), or when both carry a name: handwriting that matches square
 * millimetre by square millimetre is one paper. Two pupils who wrote no
 * name and gave the same answers may have filled their bubbles alike, and
 * then their pictures match too: such a match is only a likely rescan, and
 * the teacher is asked (collate.ts) rather than a pupil being dropped.
 */
import type { Reading } from './decide.js';
import { sameSheet, type PackedFingerprint } from './fingerprint.js';

export interface UnmarkedSheet {
  file: string;
  page: number;
  version: string;
  /** The page of the answer sheet it is (1 of 2...). */
  sheetPage: number;
  fingerprint: PackedFingerprint;
  /** Whether a name is written on it. */
  named: boolean;
  /** SHA-256 of the page's image as scanned. */
  image: string;
  /** The student ID the teacher wrote for this page ("" for "blank"), if any. */
  typedId?: string;
}

/**
 * The sheet a page is a second scan of; `exact` when every mark read the
 * same on both; `sure` unless it could also be another pupil's sheet
 * (see above), and `why` says what tells.
 */
export interface Rescan {
  first: UnmarkedSheet;
  exact: boolean;
  sure: boolean;
  why: string;
}

export class RescanFinder {
  /** Sheets seen, by version and sheet page: only those can be one sheet. */
  private readonly seen = new Map<string, { sheet: UnmarkedSheet; marks: Marks }[]>();

  /**
   * The earlier sheet that `sheet` (with its readings as read, before any
   * correction) is a second scan of; otherwise `sheet` is remembered as
   * one of its own and undefined is returned.
   */
  match(sheet: UnmarkedSheet, readings: readonly Reading[]): Rescan | undefined {
    const group = `${sheet.version}\u0000${sheet.sheetPage}`;
    const marks = marksOf(readings);
    const earlier = this.seen.get(group) ?? [];
    const found = earlier.find(
      (e) =>
        compatible(e.sheet.typedId, sheet.typedId) &&
        sameMarks(e.marks, marks) &&
        sameSheet(e.sheet.fingerprint, sheet.fingerprint),
    );
    if (!found) {
      this.seen.set(group, [...earlier, { sheet, marks }]);
      return undefined;
    }
    const exact = [...marks].every(([item, m]) => {
      const other = found.marks.get(item)!;
      return other.value === m.value && other.doubtful === m.doubtful;
    });
    const image = found.sheet.image === sheet.image;
    const named = found.sheet.named && sheet.named;
    const why = image
      ? 'the same page image (one scan handed in twice)'
      : `${named ? 'the same handwritten name, ' : ''}the same marks and the same picture`;
    return { first: found.sheet, exact, sure: image || named, why };
  }
}

/** Each item's reading (the ID's aside), and whether it was in doubt. */
export type Marks = Map<number, { value: string; doubtful: boolean }>;

export function marksOf(readings: readonly Reading[]): Marks {
  const marks: Marks = new Map();
  for (const r of readings)
    if (r.target !== 'id') marks.set(r.target, { value: r.value, doubtful: r.doubt !== undefined });
  return marks;
}

/**
 * Two scans of one paper read the same, except where a mark is on the
 * edge (a light or half-erased mark): read one way on one scan and sent
 * to review on the other. A difference in a mark read clearly on both is
 * another paper. The first scan is kept, and its doubts stay asked.
 */
export function sameMarks(a: Marks, b: Marks): boolean {
  for (const [item, x] of a) {
    const y = b.get(item);
    if (!y) return false;
    if (x.value !== y.value && !x.doubtful && !y.doubtful) return false;
  }
  return a.size === b.size;
}

/** Two IDs the teacher wrote, and they differ: two pupils, whatever the pictures say. */
const compatible = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
