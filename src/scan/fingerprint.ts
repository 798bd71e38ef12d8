/**
 * A sheet's picture reduced to the ink on each half millimetre, in the
 * sheet's own coordinates (straightened by its corner marks), so that two
 * scans of one sheet can be recognised without a student ID to go by. Two
 * scans of the same paper differ only by the scanner's noise and a
 * fraction of a millimetre of placement; two pupils' sheets differ where
 * each wrote a name or filled a bubble in their own way, even with the
 * same answers.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Homography } from './homography.js';
import { sample, type GreyImage } from './image.js';
import type { Levels } from './locate.js';

export interface Fingerprint {
  /** Cells across and down (CELLS_PER_MM per millimetre of the sheet). */
  width: number;
  height: number;
  /** Ink on each cell, row by row: 0 = paper, 255 = solid ink (the page's own levels). */
  ink: Uint8Array;
}

/**
 * A fingerprint as kept while a scan is collated: deflated, since most of a
 * sheet is paper (250 KB of cells become about 10 KB), so a class of sheets
 * with no IDs costs little memory.
 */
export interface PackedFingerprint {
  width: number;
  height: number;
  deflated: Uint8Array;
}

export function packFingerprint(print: Fingerprint): PackedFingerprint {
  // Level 1: the cells are mostly runs of paper, and this runs once per page.
  return {
    width: print.width,
    height: print.height,
    deflated: deflateRawSync(print.ink, { level: 1 }),
  };
}

export function unpackFingerprint(packed: PackedFingerprint): Fingerprint {
  return {
    width: packed.width,
    height: packed.height,
    ink: new Uint8Array(inflateRawSync(packed.deflated)),
  };
}

/** Half-millimetre cells: a pen line is a cell wide, and a bubble ten across. */
const CELLS_PER_MM = 2;
/** Samples per cell side: 2 x 2 points average out the scanner's grain. */
const SAMPLES = 2;

export function fingerprint(
  image: GreyImage,
  map: Homography,
  levels: Levels,
  sheet: { width: number; height: number },
): Fingerprint {
  const width = Math.floor(sheet.width * CELLS_PER_MM);
  const height = Math.floor(sheet.height * CELLS_PER_MM);
  const span = Math.max(40, levels.paper - levels.ink);
  const ink = new Uint8Array(width * height);
  const step = 1 / (CELLS_PER_MM * SAMPLES);
  const sums = new Float64Array(width);
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = map as [number, ...number[]];
  for (let row = 0; row < height; row++) {
    sums.fill(0);
    for (let sy = 0; sy < SAMPLES; sy++) {
      const y = (row * SAMPLES + sy + 0.5) * step;
      // The map written out: this runs a million times a page, project() would allocate each time.
      for (let s = 0; s < width * SAMPLES; s++) {
        const x = (s + 0.5) * step;
        const w = h6! * x + h7! * y + h8!;
        const v = sample(image, (h0 * x + h1! * y + h2!) / w, (h3! * x + h4! * y + h5!) / w);
        sums[Math.floor(s / SAMPLES)]! += Math.min(1, Math.max(0, (levels.paper - v) / span));
      }
    }
    for (let col = 0; col < width; col++)
      ink[row * width + col] = quantise((255 * sums[col]!) / (SAMPLES * SAMPLES));
  }
  return { width, height, ink };
}

/**
 * Ink in steps of 1/16, and the paper's grain (under 1/10) as none: far
 * finer than a cell must differ by (CELL_STEP), and it lets a fingerprint
 * deflate to a fraction of its size.
 */
function quantise(ink: number): number {
  return ink < 26 ? 0 : Math.min(255, Math.round(ink / 16) * 16);
}

/**
 * The sheet is compared block by block, each block at the shift (up to a
 * millimetre either way) that fits it best: the corner marks place a page
 * to a fraction of a millimetre, not to a cell, and what is left differs
 * smoothly across the page.
 */
const BLOCK = 16;
const SHIFT = 2;
/**
 * A cell differs when its ink and the other scan's are this far apart (of
 * the span paper to solid ink): a pen line, not a scanner's grain.
 */
const CELL_STEP = Math.round(0.35 * 255);

/**
 * Two scans are of one sheet when at most this many cells differ. Rescans
 * of one sheet, turned any way, skewed, blurred, noisy, as JPEG at quality
 * 50, scaled by 97-103%, differ in 0 or 1 cells (tests/scan/rescans.test.ts);
 * another pupil's name differs in about a hundred, one bubble filled in
 * another way or half a millimetre off in 10-20.
 */
export const SAME_SHEET_CELLS = 6;

/**
 * Cells of ink a pupil's name leaves at the least: two or three letters.
 * The sheet prints nothing in the name area, and the scanner's grain is
 * quantised away (quantise), so an unwritten line counts none.
 */
const WRITING_CELLS = 12;

/** Whether the area (in mm of the sheet) holds handwriting: a name written on its line. */
export function hasWriting(
  print: Fingerprint,
  area: { x: number; y: number; width: number; height: number },
): boolean {
  let count = 0;
  const rows = Math.min(print.height, Math.ceil((area.y + area.height) * CELLS_PER_MM));
  const cols = Math.min(print.width, Math.ceil((area.x + area.width) * CELLS_PER_MM));
  for (let row = Math.floor(area.y * CELLS_PER_MM); row < rows; row++)
    for (let col = Math.floor(area.x * CELLS_PER_MM); col < cols; col++)
      if (print.ink[row * print.width + col]! > CELL_STEP && ++count >= WRITING_CELLS) return true;
  return false;
}

export function sameSheet(a: PackedFingerprint, b: PackedFingerprint): boolean {
  const limit = SAME_SHEET_CELLS + 1;
  return differingCells(unpackFingerprint(a), unpackFingerprint(b), limit) < limit;
}

/**
 * Cells of `a` and `b` that differ (see CELL_STEP), counted up to `limit`:
 * two pupils' sheets are told apart without comparing all of them. Sheets
 * of other sizes differ everywhere.
 */
export function differingCells(a: Fingerprint, b: Fingerprint, limit = Infinity): number {
  if (a.width !== b.width || a.height !== b.height) return a.ink.length;
  let count = 0;
  for (let top = 0; top < a.height; top += BLOCK)
    for (let left = 0; left < a.width; left += BLOCK) {
      let best = Infinity;
      for (let dy = -SHIFT; dy <= SHIFT; dy++)
        for (let dx = -SHIFT; dx <= SHIFT; dx++) {
          const differ = blockDifference(a, b, left, top, dx, dy, best);
          if (differ < best) best = differ;
        }
      count += best;
      if (count >= limit) return count;
    }
  return count;
}

/** Differing cells of one block of `a` against `b` shifted by (dx, dy); stops past `limit`. */
function blockDifference(
  a: Fingerprint,
  b: Fingerprint,
  left: number,
  top: number,
  dx: number,
  dy: number,
  limit: number,
): number {
  let count = 0;
  for (let row = top; row < Math.min(top + BLOCK, a.height); row++) {
    const y = Math.min(a.height - 1, Math.max(0, row + dy));
    for (let col = left; col < Math.min(left + BLOCK, a.width); col++) {
      const x = Math.min(a.width - 1, Math.max(0, col + dx));
      if (Math.abs(a.ink[row * a.width + col]! - b.ink[y * a.width + x]!) > CELL_STEP) {
        if (++count >= limit) return count;
      }
    }
  }
  return count;
}
