/**
 * What sits at the same place on every sheet of a paper size: the corner
 * marks the scanner finds first, the QR code that names the copy, and the
 * note beside the student-ID grid with the line for a pupil's name.
 */
import type { Paper } from '../quiz/blueprint.js';
import type { SheetLayout } from './layout-types.js';

export const PAPER_MM: Record<Paper, { width: number; height: number }> = {
  letter: { width: 215.9, height: 279.4 },
  a4: { width: 210, height: 297 },
};

/** Solid square corner marks; the inset keeps them clear of any printer's unprintable edge. */
export const MARK_SIZE = 6;
export const MARK_INSET = 12;
export const QR_SIZE = 26;

/** The page's left and right margin. */
export const MARGIN = 20;

/**
 * Top-left of the note beside the student-ID grid (render/answer-sheet.ts);
 * its first line is where a pupil writes their name.
 */
export const ID_NOTE = { x: 64, y: 52 };

/**
 * Where a pupil's handwritten name lies on a sheet `width` mm wide: above
 * the name line, right of its "Name" label, clear of the rule itself. The
 * scanner looks there for handwriting (see scan/rescans.ts).
 */
export function nameArea(width: number): { x: number; y: number; width: number; height: number } {
  const x = ID_NOTE.x + 11;
  return { x, y: ID_NOTE.y - 2, width: width - MARGIN - 4 - x, height: 5.8 };
}

/** Corner mark centres: top-left, top-right, bottom-right, bottom-left. */
export function markCentres(paper: Paper): SheetLayout['marks'] {
  const { width, height } = PAPER_MM[paper];
  const c = MARK_INSET;
  return [
    { x: c, y: c },
    { x: width - c, y: c },
    { x: width - c, y: height - c },
    { x: c, y: height - c },
  ];
}

/** The QR code's place: top right, below the corner mark. */
export function qrPlace(paper: Paper): SheetLayout['qr'] {
  return { x: PAPER_MM[paper].width - MARGIN - QR_SIZE, y: 16, size: QR_SIZE };
}
