/**
 * Which bundled face serves a character, worked out as Chromium does it:
 * a face is tried when its unicode-range includes the character, and used
 * when its file really has the glyph (a subset's range names more than its
 * file holds). The lint warnings for characters no bundled font has, and
 * fonts.ts's choice of CJK files, both ask here.
 */
import type { Interval } from './font-cmap.js';
import { missingGlyphs } from './font-catalogue.js';
import { STACKS, type FamilySpec } from './font-families.js';
import { family, type Face, type Family } from './font-packages.js';

function covers(intervals: readonly Interval[], codePoint: number): boolean {
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = intervals[middle]!;
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}

/** Whether `codePoint` is in a face's unicode-range; most faces are ruled out by their bounds alone. */
export function inFace(face: Face, codePoint: number): boolean {
  return codePoint >= face.low && codePoint <= face.high && covers(face.ranges, codePoint);
}

function hasGlyph(face: Face, codePoint: number): boolean {
  if (!inFace(face, codePoint)) return false;
  face.missing ??= missingGlyphs(face);
  return !covers(face.missing, codePoint);
}

/**
 * What Chromium does for `codePoint` in a stack: it tries each family whose
 * unicode-range includes it (loading those faces) until one has the glyph.
 * Returns the families tried and the one that has it, if any.
 */
export function resolve(
  stack: FamilySpec[],
  codePoint: number,
): { tried: Family[]; found: Family | undefined } {
  const tried: Family[] = [];
  for (const spec of stack) {
    const candidate = family(spec);
    if (!covers(candidate.ranges, codePoint)) continue;
    tried.push(candidate);
    if (candidate.faces.some((face) => hasGlyph(face, codePoint))) {
      return { tried, found: candidate };
    }
  }
  return { tried, found: undefined };
}

/** Format characters and the like take no glyph, so they need no font. */
const NEEDS_NO_GLYPH = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]$/u;

/** Characters of `text` that no bundled face covers, each once, in order of appearance. */
export function uncoveredCharacters(text: string): string[] {
  const found = new Set<string>();
  for (const [character] of text.matchAll(/[^\x20-\x7e\s]/gu)) {
    if (found.has(character) || NEEDS_NO_GLYPH.test(character)) continue;
    // Both stacks hold the same families, so either one answers.
    if (!resolve(STACKS.sans, character.codePointAt(0)!).found) found.add(character);
  }
  return [...found];
}

/** `U+0D9C (ග)` for messages: the code point names the character even where it cannot be shown. */
export function describeCharacter(character: string): string {
  const hex = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} (${character})`;
}
