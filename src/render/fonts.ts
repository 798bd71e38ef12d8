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
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compareStrings } from '../errors.js';
import { packageRootFrom } from '../util/package-root.js';
import { merge, type Interval } from './font-cmap.js';
import {
  cataloguedFamily,
  missingGlyphs,
  rangeBounds,
  rangeText,
  rangesOf,
  sourceHash,
  woffFacts,
  type CataloguedFace,
  type CataloguedFamily,
  type WoffFacts,
} from './font-catalogue.js';

const require = createRequire(import.meta.url);
/** Where the build's font catalogue is (see font-catalogue.ts). */
const PACKAGE_ROOT = packageRootFrom(import.meta.url);

interface FamilySpec {
  family: string;
  pkg: string;
  /** The package's stylesheets for the weights and styles the templates use. */
  css: string[];
  /**
   * Chinese, Japanese and Korean faces come in about a hundred files of
   * ~35 KB per weight: a run ships only the files its documents use.
   * Listing all of them in every page's stylesheet would also triple
   * Chromium's time per printed page.
   */
  cjk?: boolean;
}

const REGULAR_BOLD = ['400.css', '700.css'];

const SERIF: FamilySpec[] = [
  {
    family: 'Noto Serif',
    pkg: '@fontsource/noto-serif',
    css: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
  },
  { family: 'Noto Naskh Arabic', pkg: '@fontsource/noto-naskh-arabic', css: REGULAR_BOLD },
  { family: 'Noto Serif Hebrew', pkg: '@fontsource/noto-serif-hebrew', css: REGULAR_BOLD },
  { family: 'Noto Serif Devanagari', pkg: '@fontsource/noto-serif-devanagari', css: REGULAR_BOLD },
  { family: 'Noto Serif Thai', pkg: '@fontsource/noto-serif-thai', css: REGULAR_BOLD },
];

/** Noto Sans itself covers Latin, Cyrillic, Greek, Vietnamese and Devanagari. */
const SANS: FamilySpec[] = [
  { family: 'Noto Sans', pkg: '@fontsource/noto-sans', css: REGULAR_BOLD },
  { family: 'Noto Sans Arabic', pkg: '@fontsource/noto-sans-arabic', css: REGULAR_BOLD },
  { family: 'Noto Sans Hebrew', pkg: '@fontsource/noto-sans-hebrew', css: REGULAR_BOLD },
  { family: 'Noto Sans Thai', pkg: '@fontsource/noto-sans-thai', css: REGULAR_BOLD },
];

/**
 * One sans face per writing system serves both stacks (a serif CJK set would
 * double the download). Simplified Chinese comes first, so a Han character
 * shared by all four takes its Simplified Chinese form; the others supply
 * the characters it lacks (Traditional forms, kana, Hangul).
 */
const CJK: FamilySpec[] = [
  { family: 'Noto Sans SC', pkg: '@fontsource/noto-sans-sc', css: REGULAR_BOLD, cjk: true },
  { family: 'Noto Sans TC', pkg: '@fontsource/noto-sans-tc', css: REGULAR_BOLD, cjk: true },
  { family: 'Noto Sans JP', pkg: '@fontsource/noto-sans-jp', css: REGULAR_BOLD, cjk: true },
  { family: 'Noto Sans KR', pkg: '@fontsource/noto-sans-kr', css: REGULAR_BOLD, cjk: true },
];

/** Preference order; every stack ends with every other bundled family, never a generic one. */
const STACKS = {
  serif: [...SERIF, ...CJK, ...SANS],
  sans: [...SANS, ...CJK, ...SERIF],
};

interface Face {
  /** File name under assets/fonts/. */
  name: string;
  /** Absolute path of the file in node_modules. */
  source: string;
  /** The same face as WOFF 1, whose character map is quick to read. */
  woff: string;
  /** The unicode-range: Chromium loads the face for these characters. */
  ranges: Interval[];
  /** Its first and last code point. */
  low: number;
  high: number;
  /** What the build found of the WOFF file, if it was catalogued. */
  built?: WoffFacts;
  /** Characters of the range the file has no glyph for (worked out on first use). */
  missing?: Interval[];
  /** The @font-face rule, pointing at ./fonts/<name>. */
  rule: string;
}

interface Family {
  spec: FamilySpec;
  version: string;
  /** The package's subset names without Latin, e.g. ["arabic"], ["chinese-simplified"]. */
  scripts: string[];
  faces: Face[];
  /** Union of the faces' unicode-ranges, sorted and merged. */
  ranges: Interval[];
}

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

export interface BundledFamily {
  family: string;
  pkg: string;
  version: string;
  scripts: string[];
}

const loaded = new Map<string, Family>();

/**
 * A family's faces, read from its package on first use: the CJK
 * stylesheets hold about a thousand rules, and most runs never reach them.
 */
function family(spec: FamilySpec): Family {
  let found = loaded.get(spec.family);
  if (!found) {
    found = loadFamily(spec);
    loaded.set(spec.family, found);
  }
  return found;
}

const ALL_FAMILIES = [...SERIF, ...SANS, ...CJK];

/** A family from its package's files, as the build catalogued them unless they have changed. */
function loadFamily(spec: FamilySpec): Family {
  const dir = packageDir(spec);
  const sources = packageSources(spec, dir);
  const read = cataloguedFamily(PACKAGE_ROOT, spec.pkg, sources) ?? readFamily(spec, sources);
  const faces = read.faces.map((face) => located(face, dir));
  return {
    spec,
    version: read.version,
    scripts: read.scripts,
    faces,
    ranges: rangesOf(read.ranges),
  };
}

/** A face of the package in `dir`, with its files. */
function located({ name, ranges: text, rule, woff }: CataloguedFace, dir: string): Face {
  let ranges: Interval[] | undefined;
  const files = `${dir}${path.sep}files${path.sep}`;
  return {
    name,
    // Most faces of a Chinese family are never asked about in a run: read when first needed.
    get ranges() {
      return (ranges ??= rangesOf(text));
    },
    ...rangeBounds(text),
    rule,
    source: files + name,
    woff: files + name.replace(/\.woff2$/, '.woff'),
    ...(woff ? { built: woff } : {}),
  };
}

function packageDir(spec: FamilySpec): string {
  return path.dirname(require.resolve(`${spec.pkg}/package.json`));
}

/** The texts a family is read from: the package's manifest, its subsets and its stylesheets. */
function packageSources(spec: FamilySpec, dir: string): Record<string, string> {
  const names = ['package.json', 'metadata.json', ...spec.css];
  return Object.fromEntries(
    names.map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]),
  );
}

/** What a family's files say: its version, scripts, and each face of its stylesheets. */
function readFamily(spec: FamilySpec, sources: Record<string, string>): CataloguedFamily {
  const meta = JSON.parse(sources['metadata.json']!) as { subsets: string[] };
  const pkg = JSON.parse(sources['package.json']!) as { version: string };
  const faces: CataloguedFamily['faces'] = [];
  for (const cssName of spec.css) {
    for (const rule of sources[cssName]!.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const name = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1];
      if (!name || !range) continue;
      faces.push({
        name,
        ranges: rangeText(parseUnicodeRange(range)),
        // Printing must wait for the real font, never swap in a fallback.
        rule: rule
          .replace(/src:[^;]+;/, `src: url(./fonts/${name}) format('woff2');`)
          .replace(/font-display:\s*\w+;/, 'font-display: block;')
          .replace(/\n\s*/g, ' '),
      });
    }
  }
  const hashes = Object.entries(sources).map(([name, text]) => [name, sourceHash(text)]);
  return {
    sources: Object.fromEntries(hashes) as Record<string, string>,
    version: pkg.version,
    scripts: meta.subsets.filter((subset) => !subset.startsWith('latin')),
    faces,
    ranges: rangeText(merge(faces.flatMap((face) => rangesOf(face.ranges)))),
  };
}

/** Every bundled family read from its package, for the build's catalogue (see font-catalogue.ts). */
export function fontCatalogue(): { pkg: string; family: CataloguedFamily }[] {
  return ALL_FAMILIES.map((spec) => {
    const dir = packageDir(spec);
    const read = readFamily(spec, packageSources(spec, dir));
    const faces = read.faces.map((face): CataloguedFace => {
      const { woff, ranges } = located(face, dir);
      return { ...face, woff: woffFacts(woff, ranges) };
    });
    return { pkg: spec.pkg, family: { ...read, faces } };
  });
}

/** `U+0041-005A,U+00E9` → sorted [start, end] pairs. */
function parseUnicodeRange(value: string): Interval[] {
  const intervals = value.split(',').map((part): Interval => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(start, 16), parseInt(end, 16)];
  });
  return merge(intervals);
}

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
function inFace(face: Face, codePoint: number): boolean {
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
function resolve(
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

/** Every bundled family with its package, version and the scripts it adds besides Latin. */
export function bundledFamilies(): BundledFamily[] {
  return ALL_FAMILIES.map(family).map(({ spec, version, scripts }) => ({
    family: spec.family,
    pkg: spec.pkg,
    version,
    scripts,
  }));
}
