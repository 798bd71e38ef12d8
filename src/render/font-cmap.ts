/**
 * Which characters a font file really has. A @fontsource unicode-range
 * names a subset (Latin, "math", "symbols"...), not what the file holds:
 * Noto Sans Arabic's "math" range includes →, its file has no → glyph.
 * Chromium loads a face for any character in its range and, finding no
 * glyph, moves on, ending in the machine's fonts; so coverage is the
 * range and the file's character map together.
 *
 * Reads the WOFF 1 file @fontsource ships beside each WOFF2 (zlib, not
 * Brotli with transformed tables): only the `cmap` table, formats 4 and 12.
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

export type Interval = readonly [number, number];

/** The code points `woffFile` maps to a glyph, as sorted, merged intervals. */
export function woffCodePoints(woffFile: string): Interval[] {
  const woff = readFileSync(woffFile);
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error(`${woffFile} is not a WOFF file`);
  const tables = woff.readUInt16BE(12);
  for (let i = 0; i < tables; i++) {
    const entry = 44 + i * 20;
    if (woff.toString('latin1', entry, entry + 4) !== 'cmap') continue;
    const offset = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const original = woff.readUInt32BE(entry + 12);
    const data = woff.subarray(offset, offset + compressed);
    return cmapCodePoints(compressed < original ? inflateSync(data) : data);
  }
  throw new Error(`${woffFile} has no cmap table`);
}

function cmapCodePoints(cmap: Buffer): Interval[] {
  const records = cmap.readUInt16BE(2);
  let best: { offset: number; rank: number } | undefined;
  for (let i = 0; i < records; i++) {
    const record = 4 + i * 8;
    const offset = cmap.readUInt32BE(record + 4);
    const format = cmap.readUInt16BE(offset);
    // Full Unicode (format 12) beats the Basic Multilingual Plane (format 4).
    const rank = format === 12 ? 2 : format === 4 ? 1 : 0;
    if (rank > (best?.rank ?? 0)) best = { offset, rank };
  }
  if (!best) return [];
  return best.rank === 2 ? format12(cmap, best.offset) : format4(cmap, best.offset);
}

function format12(cmap: Buffer, at: number): Interval[] {
  const groups = cmap.readUInt32BE(at + 12);
  const intervals: [number, number][] = [];
  for (let i = 0; i < groups; i++) {
    const group = at + 16 + i * 12;
    const start = cmap.readUInt32BE(group);
    const end = cmap.readUInt32BE(group + 4);
    // Glyph 0 is .notdef: a group starting there maps its first character to nothing.
    const first = cmap.readUInt32BE(group + 8) === 0 ? start + 1 : start;
    if (first <= end) intervals.push([first, end]);
  }
  return merge(intervals);
}

function format4(cmap: Buffer, at: number): Interval[] {
  const segments = cmap.readUInt16BE(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const intervals: [number, number][] = [];
  for (let s = 0; s < segments; s++) {
    const start = cmap.readUInt16BE(starts + s * 2);
    const end = cmap.readUInt16BE(ends + s * 2);
    const delta = cmap.readUInt16BE(deltas + s * 2);
    const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) intervals.push([c, c]);
    }
  }
  return merge(intervals);
}

export function merge(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The parts of `ranges` that `present` leaves out (both sorted and merged): a face's characters without a glyph. */
export function without(ranges: readonly Interval[], present: readonly Interval[]): Interval[] {
  const left: Interval[] = [];
  for (const [start, end] of ranges) {
    let at = start;
    for (const [from, to] of present) {
      if (to < at) continue;
      if (from > end) break;
      if (from > at) left.push([at, from - 1]);
      at = Math.max(at, to + 1);
      if (at > end) break;
    }
    if (at <= end) left.push([at, end]);
  }
  return left;
}
