/**
 * A bundled family's faces, read from its @fontsource package: each face's
 * file, unicode-range and @font-face rule. A run takes them from the
 * build's catalogue (font-catalogue.ts) while the package's files are as
 * they were at the build, and reads the package itself otherwise.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRootFrom } from '../util/package-root.js';
import { merge, type Interval } from './font-cmap.js';
import {
  cataloguedFamily,
  rangeBounds,
  rangeText,
  rangesOf,
  sourceHash,
  woffFacts,
  type CataloguedFace,
  type CataloguedFamily,
  type WoffFacts,
} from './font-catalogue.js';
import { ALL_FAMILIES, type FamilySpec } from './font-families.js';

const require = createRequire(import.meta.url);
/** Where the build's font catalogue is (see font-catalogue.ts). */
const PACKAGE_ROOT = packageRootFrom(import.meta.url);

export interface Face {
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

export interface Family {
  spec: FamilySpec;
  version: string;
  /** The package's subset names without Latin, e.g. ["arabic"], ["chinese-simplified"]. */
  scripts: string[];
  faces: Face[];
  /** Union of the faces' unicode-ranges, sorted and merged. */
  ranges: Interval[];
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
export function family(spec: FamilySpec): Family {
  let found = loaded.get(spec.family);
  if (!found) {
    found = loadFamily(spec);
    loaded.set(spec.family, found);
  }
  return found;
}

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

/** Every bundled family with its package, version and the scripts it adds besides Latin. */
export function bundledFamilies(): BundledFamily[] {
  return ALL_FAMILIES.map(family).map(({ spec, version, scripts }) => ({
    family: spec.family,
    pkg: spec.pkg,
    version,
    scripts,
  }));
}
