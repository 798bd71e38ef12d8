/**
 * Where a scanned sheet is: its corner marks give the map from sheet
 * millimetres to scan pixels, and the sheet code, read from the
 * straightened corner where it is printed, says which copy and page it is
 * and confirms which way up the page lies (an upside-down page has nothing
 * readable there).
 */
import { parseSheetCode, type SheetCode } from '../sheet/code.js';
import { MARK_SIZE, PAPER_MM, markCentres, qrPlace } from '../sheet/page-marks.js';
import type { Paper } from '../quiz/blueprint.js';
import { homography, project, type Homography } from './homography.js';
import { rectify, sample, type GreyImage } from './image.js';
import { findMarkQuads } from './marks.js';
import { readQr } from './qr-reader.js';

export interface Levels {
  /** Grey level of the paper and of printed ink (the corner marks), as scanned. */
  paper: number;
  ink: number;
}

export type Located =
  | { kind: 'sheet'; paper: Paper; map: Homography; code: SheetCode; levels: Levels }
  /** Marks found but no code read (torn, smudged, or another program's sheet). */
  | { kind: 'no-code'; paper: Paper; map: Homography; levels: Levels; text?: string }
  /** No marks: not a handout answer sheet (or a blank page). */
  | { kind: 'no-marks'; blank: boolean };

/** Pixels per millimetre the code is read at: about 4 pixels per module. */
const QR_PX_PER_MM = 6;

/** Where the code sits, with a margin for a slightly misplaced page. */
function qrBox(paper: Paper) {
  const qr = qrPlace(paper);
  const margin = 3;
  return {
    x: qr.x - margin,
    y: qr.y - margin,
    width: qr.size + 2 * margin,
    height: qr.size + 2 * margin,
  };
}

export function locateSheet(image: GreyImage): Located {
  const quads = findMarkQuads(image);
  let fallback: Located | undefined;
  let unread: { located: Located; ink: number } | undefined;
  for (const quad of quads) {
    const map = homography(markCentres(quad.paper), quad.corners);
    const box = qrBox(quad.paper);
    const crop = rectify(image, map, box, QR_PX_PER_MM);
    const found = readQr(crop);
    const levels = measureLevels(image, map, quad.paper);
    if (found) {
      // The code's own top-left finder must be at the top left: the page is the right way up.
      const tl = found.location.topLeftFinderPattern;
      const br = found.location.bottomLeftFinderPattern;
      const upright = tl.x < crop.width / 2 && tl.y < crop.height / 2 && br.y > tl.y;
      const code = parseSheetCode(found.data);
      if (upright && code) return { kind: 'sheet', paper: quad.paper, map, code, levels };
      if (upright)
        fallback ??= { kind: 'no-code', paper: quad.paper, map, levels, text: found.data };
      continue;
    }
    // No code read either way up (torn, smudged): the way up is the one with the code's ink
    // where the code belongs; the other puts a corner of the answer rows there.
    const ink = inkShare(crop, levels);
    if (!unread || ink > unread.ink)
      unread = { located: { kind: 'no-code', paper: quad.paper, map, levels }, ink };
  }
  return fallback ?? unread?.located ?? { kind: 'no-marks', blank: isBlank(image) };
}

/** The share of an image darker than halfway between paper and ink. */
function inkShare(image: GreyImage, levels: Levels): number {
  const middle = (levels.paper + levels.ink) / 2;
  let dark = 0;
  for (const v of image.data) if (v < middle) dark++;
  return dark / image.data.length;
}

/** Paper from a grid of points over the sheet; ink from inside the corner marks. */
function measureLevels(image: GreyImage, map: Homography, paper: Paper): Levels {
  const { width, height } = PAPER_MM[paper];
  const values: number[] = [];
  for (let y = 15; y < height - 15; y += 3)
    for (let x = 15; x < width - 15; x += 3) {
      const p = project(map, { x, y });
      values.push(sample(image, p.x, p.y));
    }
  values.sort((a, b) => a - b);
  const paperLevel = values[Math.floor(values.length * 0.9)] ?? 255;
  const ink: number[] = [];
  const half = MARK_SIZE / 2 - 1;
  for (const c of markCentres(paper))
    for (let dy = -half; dy <= half; dy += 0.5)
      for (let dx = -half; dx <= half; dx += 0.5) {
        const p = project(map, { x: c.x + dx, y: c.y + dy });
        ink.push(sample(image, p.x, p.y));
      }
  ink.sort((a, b) => a - b);
  return { paper: paperLevel, ink: ink[Math.floor(ink.length / 2)] ?? 0 };
}

/** A page with (almost) no ink: the back of a sheet, or a separator. */
function isBlank(image: GreyImage): boolean {
  let dark = 0;
  let n = 0;
  const step = Math.max(1, Math.floor(image.data.length / 100_000));
  for (let i = 0; i < image.data.length; i += step, n++) if (image.data[i]! < 128) dark++;
  return dark / n < 0.002;
}
