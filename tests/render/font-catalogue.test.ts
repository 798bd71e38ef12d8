/**
 * The bundled font families come read with the build (dist/font-catalogue/),
 * but never in place of a font package changed since: render/font-catalogue.ts.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { without, woffCodePoints, type Interval } from '../../src/render/font-cmap.js';
import {
  cataloguedFamily,
  missingGlyphs,
  rangeBounds,
  rangeText,
  rangesOf,
  woffFacts,
  writeCataloguedFamily,
} from '../../src/render/font-catalogue.js';
import { fontCatalogue } from '../../src/render/font-packages.js';
import { fontAssets } from '../../src/render/fonts.js';
import { ensureBuilt } from '../helpers/build.js';
import { REPO } from '../helpers/project.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'handout-font-catalogue-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const packageDir = (pkg: string) =>
  path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));

/** The texts a family is read from, as they are now. */
function sourcesOf(pkg: string, css: string[]): Record<string, string> {
  const names = ['package.json', 'metadata.json', ...css];
  return Object.fromEntries(
    names.map((name) => [name, readFileSync(path.join(packageDir(pkg), name), 'utf8')]),
  );
}

const SANS = '@fontsource/noto-sans';
const SANS_CSS = ['400.css', '700.css'];

describe('the font catalogue', () => {
  beforeAll(ensureBuilt, 180_000);

  it('says what every font package says now, so pages get the same fonts with it', () => {
    for (const { pkg, family } of fontCatalogue()) {
      const css = Object.keys(family.sources).filter((name) => name.endsWith('.css'));
      expect(cataloguedFamily(REPO, pkg, sourcesOf(pkg, css)), pkg).toEqual(family);
    }
    // Arrows, bullets and a Chinese name: faces found through the character maps.
    const assets = fontAssets(['Dates → 2010–2013 ● 李小龙 ¶']);
    expect(assets.files.some((file) => file.name.startsWith('noto-sans-sc-'))).toBe(true);
    expect(assets.css).toContain(
      "src: url(./fonts/noto-serif-latin-400-normal.woff2) format('woff2');",
    );
  });

  it('is not used for a family whose package files changed since the build', () => {
    const [entry] = fontCatalogue().filter(({ pkg }) => pkg === SANS);
    writeCataloguedFamily(scratch, SANS, entry!.family);
    const sources = sourcesOf(SANS, SANS_CSS);
    expect(cataloguedFamily(scratch, SANS, sources)).toEqual(entry!.family);
    // A stylesheet edited, or a new version of the package (its package.json differs).
    const edited = {
      ...sources,
      '700.css': sources['700.css']!.replace('U+0000-00FF', 'U+0000-00FE'),
    };
    expect(edited['700.css']).not.toBe(sources['700.css']);
    expect(cataloguedFamily(scratch, SANS, edited)).toBeUndefined();
    const updated = {
      ...sources,
      'package.json': sources['package.json']!.replace(/"version": "/, '"version": "9'),
    };
    expect(cataloguedFamily(scratch, SANS, updated)).toBeUndefined();
    // Never built: read from the package.
    expect(cataloguedFamily(path.join(scratch, 'nothing'), SANS, sources)).toBeUndefined();
  });

  it("reads a WOFF file again when it changed since the build, not the build's answer", () => {
    // Arabic letters and arrows: the Arabic face has the letters, and no arrow.
    const ranges: Interval[] = [
      [0x0600, 0x06ff],
      [0x2190, 0x21ff],
    ];
    const font = (pkg: string, name: string) => path.join(packageDir(pkg), 'files', name);
    const arabic = font('@fontsource/noto-sans-arabic', 'noto-sans-arabic-arabic-400-normal.woff');
    const built = woffFacts(arabic, ranges);
    expect(rangesOf(built.missing)).toContainEqual([0x2190, 0x21ff]);
    expect(missingGlyphs({ woff: arabic, ranges, built })).toEqual(rangesOf(built.missing));
    // The file edited since the build: it now holds the Latin face, without Arabic letters.
    const edited = path.join(scratch, 'edited.woff');
    copyFileSync(arabic, edited);
    const facts = woffFacts(edited, ranges);
    copyFileSync(font(SANS, 'noto-sans-latin-400-normal.woff'), edited);
    const now = missingGlyphs({ woff: edited, ranges, built: facts });
    expect(now).toEqual(without(ranges, woffCodePoints(edited)));
    expect(now).toContainEqual([0x0600, 0x06ff]);
    expect(rangesOf(facts.missing)).not.toContainEqual([0x0600, 0x06ff]);
  });

  it('lists the characters of a range a file has no glyph for', () => {
    expect(without([[10, 20]], [])).toEqual([[10, 20]]);
    expect(
      without(
        [
          [10, 20],
          [30, 40],
        ],
        [
          [5, 12],
          [15, 16],
          [20, 35],
        ],
      ),
    ).toEqual([
      [13, 14],
      [17, 19],
      [36, 40],
    ]);
    expect(without([[10, 20]], [[0, 100]])).toEqual([]);
    // Kept as text in the catalogue.
    const ranges: Interval[] = [
      [0x20, 0x7e],
      [0xa0, 0xa0],
      [0x4e00, 0x9fff],
      [0x20000, 0x2a6df],
    ];
    expect(rangeText(ranges)).toBe('20-7e a0 4e00-9fff 20000-2a6df');
    expect(rangesOf(rangeText(ranges))).toEqual(ranges);
    expect(rangesOf(rangeText([]))).toEqual([]);
    expect(rangeBounds(rangeText(ranges))).toEqual({ low: 0x20, high: 0x2a6df });
    expect(rangeBounds('a0 4e00')).toEqual({ low: 0xa0, high: 0x4e00 });
  });
});
