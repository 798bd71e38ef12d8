/**
 * Finding the four corner marks of a scanned sheet: the solid squares that
 * are the largest square blobs of ink and sit at the corners of a rectangle
 * of the sheet's proportions. Squareness is measured in a way that does not
 * depend on rotation (area against the farthest pixel from the centre), so
 * filled bubbles (circles) are never taken for marks and pages may be
 * turned any way.
 */
import type { Paper } from '../quiz/blueprint.js';
import type { Point } from '../sheet/layout-types.js';
import { MARK_INSET, MARK_SIZE, PAPER_MM } from '../sheet/page-marks.js';
import type { GreyImage } from './image.js';

export interface MarkQuad {
  paper: Paper;
  /** Mark centres in scan pixels, in the sheet's order top-left, top-right, bottom-right, bottom-left. */
  corners: [Point, Point, Point, Point];
}

interface Blob {
  area: number;
  x: number;
  y: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Long side of the working grid the blobs are found on (about 3 px per mm on a full page: a mark is 18 cells). */
const GRID = 850;

export function paperLevel(image: GreyImage): number {
  const histogram = new Uint32Array(256);
  const step = Math.max(1, Math.floor(image.data.length / 200_000));
  let n = 0;
  for (let i = 0; i < image.data.length; i += step, n++) histogram[image.data[i]!]!++;
  // Most of a sheet is paper: the 80th percentile is paper, however dark the ink.
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v]!;
    if (seen >= n * 0.8) return v;
  }
  return 255;
}

/**
 * The possible readings of the page's marks, best first: each quad twice,
 * once per way up (the sheet code decides which is right).
 */
export function findMarkQuads(image: GreyImage): MarkQuad[] {
  const k = Math.max(1, Math.round(Math.max(image.width, image.height) / GRID));
  const w = Math.floor(image.width / k);
  const h = Math.floor(image.height / k);
  const paper = paperLevel(image);
  const threshold = paper * 0.5;
  const mask = new Uint8Array(w * h);
  // Row sums first: one pass over the pixels, in memory order (the hot loop of a page).
  const sums = new Uint32Array(w);
  const limit = threshold * k * k;
  const data = image.data;
  for (let gy = 0; gy < h; gy++) {
    sums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      let i = (gy * k + dy) * image.width;
      for (let gx = 0; gx < w; gx++) {
        let sum = 0;
        for (let dx = 0; dx < k; dx++) sum += data[i++]!;
        sums[gx]! += sum;
      }
    }
    for (let gx = 0; gx < w; gx++) if (sums[gx]! < limit) mask[gy * w + gx] = 1;
  }
  const blobs = squareBlobs(mask, w, h);
  const quads = chooseQuads(blobs);
  return quads.flatMap(({ paper: p, ring }) => {
    const corners = ring.map((b) => refine(image, b, k, threshold));
    // ring[0]..ring[3] run clockwise starting on a long side: two ways up.
    const a: MarkQuad['corners'] = [corners[0]!, corners[1]!, corners[2]!, corners[3]!];
    const b: MarkQuad['corners'] = [corners[2]!, corners[3]!, corners[0]!, corners[1]!];
    return [
      { paper: p, corners: a },
      { paper: p, corners: b },
    ];
  });
}

function squareBlobs(mask: Uint8Array, w: number, h: number): Blob[] {
  const labels = new Int32Array(w * h);
  const stack = new Int32Array(w * h);
  const expected = (MARK_SIZE * Math.max(w, h)) / 297;
  const minArea = (0.3 * expected) ** 2;
  const maxArea = (1.6 * expected) ** 2;
  const blobs: Blob[] = [];
  let label = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    label++;
    let top = 0;
    stack[top++] = start;
    labels[start] = label;
    const blob: Blob = { area: 0, x: 0, y: 0, minX: w, maxX: 0, minY: h, maxY: 0 };
    while (top > 0) {
      const i = stack[--top]!;
      const x = i % w;
      const y = (i - x) / w;
      blob.area++;
      blob.x += x;
      blob.y += y;
      if (x < blob.minX) blob.minX = x;
      if (x > blob.maxX) blob.maxX = x;
      if (y < blob.minY) blob.minY = y;
      if (y > blob.maxY) blob.maxY = y;
      // The four neighbours, without allocating (every ink pixel of the page passes here).
      if (x > 0 && mask[i - 1] && !labels[i - 1]) {
        labels[i - 1] = label;
        stack[top++] = i - 1;
      }
      if (x < w - 1 && mask[i + 1] && !labels[i + 1]) {
        labels[i + 1] = label;
        stack[top++] = i + 1;
      }
      if (y > 0 && mask[i - w] && !labels[i - w]) {
        labels[i - w] = label;
        stack[top++] = i - w;
      }
      if (y < h - 1 && mask[i + w] && !labels[i + w]) {
        labels[i + w] = label;
        stack[top++] = i + w;
      }
    }
    if (blob.area < minArea || blob.area > maxArea) continue;
    blob.x /= blob.area;
    blob.y /= blob.area;
    const boxArea = (blob.maxX - blob.minX + 1) * (blob.maxY - blob.minY + 1);
    if (blob.area / boxArea < 0.45) continue;
    // A square's area is 2 r² (r: centre to farthest pixel); a circle's is π r².
    let far = 0;
    for (let y = blob.minY; y <= blob.maxY; y++)
      for (let x = blob.minX; x <= blob.maxX; x++)
        if (labels[y * w + x] === label) far = Math.max(far, (x - blob.x) ** 2 + (y - blob.y) ** 2);
    const r2 = far + 0.5 * Math.sqrt(far) + 0.25; // the pixels' own half-width
    const squareness = blob.area / r2;
    if (squareness < 1.55 || squareness > 2.6) continue;
    blobs.push(blob);
  }
  return blobs.sort((a, b) => b.area - a.area).slice(0, 14);
}

function chooseQuads(blobs: Blob[]): { paper: Paper; ring: Blob[]; score: number }[] {
  const found: { paper: Paper; ring: Blob[]; score: number }[] = [];
  const n = blobs.length;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++)
      for (let c = b + 1; c < n; c++)
        for (let d = c + 1; d < n; d++) {
          const four = [blobs[a]!, blobs[b]!, blobs[c]!, blobs[d]!];
          const areas = four.map((f) => f.area);
          if (Math.max(...areas) > 2.2 * Math.min(...areas)) continue;
          const fit = rectangleFit(four);
          if (fit) found.push(fit);
        }
  return found.sort((x, y) => y.score - x.score).slice(0, 2);
}

/** The four blobs as a rectangle of a sheet's proportions, clockwise from a long side's start. */
function rectangleFit(four: Blob[]): { paper: Paper; ring: Blob[]; score: number } | undefined {
  const cx = four.reduce((s, f) => s + f.x, 0) / 4;
  const cy = four.reduce((s, f) => s + f.y, 0) / 4;
  const ring = [...four].sort(
    (p, q) => Math.atan2(p.y - cy, p.x - cx) - Math.atan2(q.y - cy, q.x - cx),
  );
  const side = (i: number) =>
    Math.hypot(ring[(i + 1) % 4]!.x - ring[i]!.x, ring[(i + 1) % 4]!.y - ring[i]!.y);
  const s = [0, 1, 2, 3].map(side);
  // Opposite sides about equal (a little perspective allowed).
  if (Math.abs(s[0]! - s[2]!) > 0.08 * Math.max(s[0]!, s[2]!)) return undefined;
  if (Math.abs(s[1]! - s[3]!) > 0.08 * Math.max(s[1]!, s[3]!)) return undefined;
  // Diagonals about equal: a rectangle, not a rhombus.
  const d1 = Math.hypot(ring[2]!.x - ring[0]!.x, ring[2]!.y - ring[0]!.y);
  const d2 = Math.hypot(ring[3]!.x - ring[1]!.x, ring[3]!.y - ring[1]!.y);
  if (Math.abs(d1 - d2) > 0.06 * Math.max(d1, d2)) return undefined;
  const first = (s[0]! + s[2]!) / 2;
  const second = (s[1]! + s[3]!) / 2;
  const ratio = Math.max(first, second) / Math.min(first, second);
  let best: { paper: Paper; error: number } | undefined;
  for (const paper of Object.keys(PAPER_MM) as Paper[]) {
    const { width, height } = PAPER_MM[paper];
    const want = (height - 2 * MARK_INSET) / (width - 2 * MARK_INSET);
    const error = Math.abs(ratio - want) / want;
    if (error < 0.05 && (!best || error < best.error)) best = { paper, error };
  }
  if (!best) return undefined;
  // Start the ring so that its first side is a short one (the sheet's top or bottom).
  const start = first < second ? 0 : 1;
  const rotated = [0, 1, 2, 3].map((i) => ring[(i + start) % 4]!);
  return { paper: best.paper, ring: rotated, score: first * second };
}

/** The mark's centre at full resolution: the centroid of its dark pixels. */
function refine(image: GreyImage, blob: Blob, k: number, threshold: number): Point {
  const x0 = Math.max(0, (blob.minX - 1) * k);
  const x1 = Math.min(image.width - 1, (blob.maxX + 2) * k);
  const y0 = Math.max(0, (blob.minY - 1) * k);
  const y1 = Math.min(image.height - 1, (blob.maxY + 2) * k);
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++)
      if (image.data[y * image.width + x]! < threshold) {
        n++;
        sx += x;
        sy += y;
      }
  return n ? { x: sx / n, y: sy / n } : { x: (blob.x + 0.5) * k, y: (blob.y + 0.5) * k };
}
