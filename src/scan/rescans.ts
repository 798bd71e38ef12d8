/**
 * Second scans of sheets with no student ID. A sheet with an ID (or a
 * name) is grouped by it, so a second scan of it is found when the copies
 * are assembled (collate.ts). A sheet with none is a copy of its own, and
 * a page fed twice, or a stack scanned again, would count its pupil twice.
 * Such a page is taken for an earlier one when both are the same sheet
 * page of the same version, read the same marks, and their pictures match
 * (fingerprint.ts): two pupils who gave the same answers still differ in
 * the names they wrote and in how each filled the bubbles.
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
  /** The student ID the teacher wrote for this page ("" for "blank"), if any. */
  typedId?: string;
}

export class RescanFinder {
  /** Sheets seen, by version, sheet page and marks: only those can be one sheet. */
  private readonly seen = new Map<string, UnmarkedSheet[]>();

  /**
   * The earlier sheet that `sheet` (with the readings as read, before any
   * correction) is a second scan of; otherwise `sheet` is remembered as
   * one of its own and undefined is returned.
   */
  match(sheet: UnmarkedSheet, readings: readonly Reading[]): UnmarkedSheet | undefined {
    const group = [sheet.version, sheet.sheetPage, marksOf(readings)].join('\u0000');
    const earlier = this.seen.get(group) ?? [];
    const found = earlier.find(
      (e) => compatible(e.typedId, sheet.typedId) && sameSheet(e.fingerprint, sheet.fingerprint),
    );
    if (!found) this.seen.set(group, [...earlier, sheet]);
    return found;
  }
}

/** Every reading but the ID's, with whether it was in doubt: "1=B 2= 3=AC?". */
function marksOf(readings: readonly Reading[]): string {
  return readings
    .filter((r) => r.target !== 'id')
    .map((r) => `${r.target}=${r.value}${r.doubt ? '?' : ''}`)
    .join(' ');
}

/** Two IDs the teacher wrote, and they differ: two pupils, whatever the pictures say. */
const compatible = (a?: string, b?: string) => a === undefined || b === undefined || a === b;
