/**
 * The bundled font families as font-packages.ts reads them from their packages
 * (each face's file, unicode-range and @font-face rule), worked out when
 * handout is built (scripts/bundle.mjs writes dist/font-catalogue/): parsing
 * the packages' stylesheets cost every run that writes pages 30-60 ms of
 * CPU before its first page could print, on Node's one thread. Each entry
 * keeps a hash of every file it was read from, and a family whose files
 * have changed since (a font package updated or edited) is read from its
 * package as before: the build never hides a change.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { without, woffCodePoints, type Interval } from './font-cmap.js';

/** Where the build writes the catalogue, relative to the package root: a file per family. */
export const FONT_CATALOGUE = path.join('dist', 'font-catalogue');

/**
 * Sorted intervals of code points as text, `4e00-4e0f 4e11` (hex): a
 * Chinese family's thousands of ranges took 15-25 ms to parse as JSON
 * pairs of numbers, and under 1 ms as text, read when first needed.
 */
export type RangeText = string;

export function rangeText(intervals: readonly Interval[]): RangeText {
  const hex = (n: number) => n.toString(16);
  return intervals.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join(' ');
}

export function rangesOf(text: RangeText): Interval[] {
  if (text === '') return [];
  return text.split(' ').map((part) => {
    const dash = part.indexOf('-');
    if (dash < 0) {
      const point = parseInt(part, 16);
      return [point, point];
    }
    return [parseInt(part.slice(0, dash), 16), parseInt(part.slice(dash + 1), 16)];
  });
}

/** The first and last code point of `text`, without reading the rest. */
export function rangeBounds(text: RangeText): { low: number; high: number } {
  if (text === '') return { low: 1, high: 0 };
  const first = text.slice(0, text.search(/[- ]|$/));
  const last = text.slice(Math.max(text.lastIndexOf(' '), text.lastIndexOf('-')) + 1);
  return { low: parseInt(first, 16), high: parseInt(last, 16) };
}

/** A face as its package's stylesheet describes it. */
export interface CataloguedFace {
  /** File name under the package's files/ (and under assets/fonts/). */
  name: string;
  ranges: RangeText;
  rule: string;
  /** Its WOFF file, as the build found it; absent when read from the package. */
  woff?: WoffFacts;
}

/**
 * A WOFF file's size and modification time when the build read it, and the
 * characters of its face's unicode-range it has no glyph for (a range names
 * a subset, "math" say, not what the file holds): usually none or a few.
 */
export interface WoffFacts {
  size: number;
  mtimeMs: number;
  missing: RangeText;
}

/** What a family's package says, and the hash of each file it was read from. */
export interface CataloguedFamily {
  /** File name in the package → SHA-1 of its text. */
  sources: Record<string, string>;
  version: string;
  scripts: string[];
  faces: CataloguedFace[];
  /** Union of the faces' unicode-ranges, sorted and merged. */
  ranges: RangeText;
}

export function sourceHash(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function entryFile(packageRoot: string, pkg: string): string {
  return path.join(packageRoot, FONT_CATALOGUE, `${pkg.replace(/^@/, '').replace('/', '__')}.json`);
}

/**
 * The build's entry for package `pkg`, if the files it was made from still
 * hold what they held: `sources` are the texts read from the package now.
 */
export function cataloguedFamily(
  packageRoot: string,
  pkg: string,
  sources: Record<string, string>,
): CataloguedFamily | undefined {
  let entry: CataloguedFamily;
  try {
    entry = JSON.parse(readFileSync(entryFile(packageRoot, pkg), 'utf8')) as CataloguedFamily;
  } catch {
    return undefined; // Not built yet, or unreadable: read the package.
  }
  const names = Object.keys(sources);
  const same =
    names.length === Object.keys(entry.sources).length &&
    names.every((name) => entry.sources[name] === sourceHash(sources[name]!));
  return same ? entry : undefined;
}

/** Writes the entry for package `pkg` (the build does, from the families font-packages.ts reads). */
export function writeCataloguedFamily(
  packageRoot: string,
  pkg: string,
  family: CataloguedFamily,
): void {
  const file = entryFile(packageRoot, pkg);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(family) + '\n');
}

/** What the build records of a face's WOFF file `woff`, whose unicode-range is `ranges`. */
export function woffFacts(woff: string, ranges: readonly Interval[]): WoffFacts {
  const { size, mtimeMs } = statSync(woff);
  return { size, mtimeMs, missing: rangeText(without(ranges, woffCodePoints(woff))) };
}

/**
 * The characters of a face's range its WOFF file has no glyph for: as the
 * build found them (`built`) while the file keeps the size and modification
 * time it had then, else from its character map (an edited font is read again).
 */
export function missingGlyphs(face: {
  woff: string;
  ranges: readonly Interval[];
  built?: WoffFacts;
}): Interval[] {
  const { built } = face;
  const now = built && statSync(face.woff, { throwIfNoEntry: false });
  if (now && now.size === built.size && now.mtimeMs === built.mtimeMs)
    return rangesOf(built.missing);
  return without(face.ranges, woffCodePoints(face.woff));
}
