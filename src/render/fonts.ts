/**
 * Fonts come from npm packages (@fontsource) and are embedded in every PDF,
 * so a printout never depends on the fonts of the machine that made it: a
 * student's Chinese or Arabic name prints the same on a fresh machine as on
 * the teacher's laptop. The packages' own CSS gives each file's
 * unicode-range, so Chromium loads only the files a page uses.
 *
 * Pages name two stacks, `var(--serif)` and `var(--sans)` (declared in
 * assets/fonts.css). Each lists every bundled family, preferred style first,
 * and no generic family: a character no bundled face covers is reported by
 * `uncoveredCharacters` (a warning at the roster or bank line) instead of
 * being taken silently from the machine.
 *
 * This module makes what a run ships: the files under assets/fonts/ and
 * assets/fonts.css. Which families there are is font-families.ts, how a
 * package is read font-packages.ts, which face serves a character
 * font-coverage.ts.
 */
import path from 'node:path';
import { compareStrings } from '../errors.js';
import { inFace, resolve } from './font-coverage.js';
import { ALL_FAMILIES, STACKS } from './font-families.js';
import { family, type Face } from './font-packages.js';

export interface FontFile {
  /** Name under assets/fonts/. */
  name: string;
  /** Absolute path of the file in node_modules. */
  source: string;
}

export interface FontAssets {
  files: FontFile[];
  /** assets/fonts.css: the stacks, then the @font-face rules of `files`. */
  css: string;
}

/**
 * The font files and stylesheet for pages whose text is `texts`: every face
 * of the non-CJK families (small, and complete, so a page from another run
 * into the same folder keeps its fonts), plus the CJK files these texts
 * use, plus the CJK files `alreadyThere` names (present in assets/fonts
 * from an earlier run, whose pages still need their rules).
 */
export function fontAssets(
  texts: Iterable<string>,
  alreadyThere: Iterable<string> = [],
): FontAssets {
  const characters = new Set<number>();
  for (const text of texts) pageCharacters(text, characters);
  return fontAssetsFor(characters, alreadyThere);
}

/** fontAssets for pages whose characters pageCharacters has gathered. */
export function fontAssetsFor(
  characters: ReadonlySet<number>,
  alreadyThere: Iterable<string> = [],
): FontAssets {
  const wanted = new Set<string>(alreadyThere);
  for (const codePoint of characters) {
    for (const stack of [STACKS.serif, STACKS.sans]) {
      for (const tried of resolve(stack, codePoint).tried) {
        if (!tried.spec.cjk) continue;
        for (const face of tried.faces) if (inFace(face, codePoint)) wanted.add(face.name);
      }
    }
  }
  const wantedNames = [...wanted];
  const faces = ALL_FAMILIES.flatMap((spec) => {
    if (!spec.cjk) return family(spec).faces;
    const prefix = `${path.basename(spec.pkg)}-`;
    if (!wantedNames.some((name) => name.startsWith(prefix))) return [];
    return family(spec).faces.filter((face) => wanted.has(face.name));
  });
  return assetsOf(faces);
}

/**
 * Every bundled face, CJK included: for the preview, which makes pages on
 * request and so cannot know beforehand which characters they will need.
 */
export function allFontAssets(): FontAssets {
  return assetsOf(ALL_FAMILIES.flatMap((spec) => family(spec).faces));
}

function assetsOf(faces: Face[]): FontAssets {
  const stacks = Object.entries(STACKS)
    .map(([name, stack]) => `--${name}: ${stack.map((spec) => `'${spec.family}'`).join(', ')};`)
    .join(' ');
  return {
    files: faces
      .map(({ name, source }) => ({ name, source }))
      .sort((a, b) => compareStrings(a.name, b.name)),
    css: [`:root { ${stacks} }`, ...faces.map((face) => face.rule)].join('\n') + '\n',
  };
}

/**
 * Adds to `into` the characters of a page that are not ASCII (ASCII is
 * always served by Noto Serif / Noto Sans, so skipping it keeps the scan
 * cheap) and returns it. The pattern finds runs of such characters, not
 * each one, and works on UTF-16 units (no `u` flag), which V8 scans
 * several times faster: a class of 1,000 is 60 MB of HTML with a dash or a
 * quote on every line. Iterating a run yields code points, surrogate
 * pairs joined.
 */
export function pageCharacters(text: string, into = new Set<number>()): Set<number> {
  for (const [run] of text.matchAll(/[\u0080-\uffff]+/g)) {
    for (const character of run) into.add(character.codePointAt(0)!);
  }
  return into;
}
