/**
 * Fonts come from npm packages (@fontsource) and are embedded in every PDF,
 * so a printout never depends on the fonts of the machine that made it. The
 * packages' own CSS gives each subset's unicode-range, so Chromium loads
 * only the subsets a page uses (Latin, Cyrillic, Greek, Vietnamese...).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compareStrings } from '../errors.js';

const require = createRequire(import.meta.url);

/** The faces handout's stylesheets use. */
const FACES: { pkg: string; css: string[] }[] = [
  {
    pkg: '@fontsource/noto-serif',
    css: ['400.css', '400-italic.css', '700.css', '700-italic.css'],
  },
  { pkg: '@fontsource/noto-sans', css: ['400.css', '700.css'] },
];

export interface FontFile {
  /** Name under assets/fonts/. */
  name: string;
  /** Absolute path of the file in node_modules. */
  source: string;
}

interface FontSet {
  files: FontFile[];
  /** @font-face rules with `{{ASSETS}}` standing for the assets folder URL. */
  css: string;
}

let cached: FontSet | undefined;

function packageDir(pkg: string): string {
  return path.dirname(require.resolve(`${pkg}/package.json`));
}

function loadFonts(): FontSet {
  const files = new Map<string, FontFile>();
  const rules: string[] = [];
  for (const face of FACES) {
    const dir = packageDir(face.pkg);
    for (const cssName of face.css) {
      const css = readFileSync(path.join(dir, cssName), 'utf8');
      for (const rule of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
        const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
        if (!woff2) continue;
        files.set(woff2, { name: woff2, source: path.join(dir, 'files', woff2) });
        // Printing must wait for the real font, never swap in a fallback.
        rules.push(
          rule
            .replace(/src:[^;]+;/, `src: url({{ASSETS}}/fonts/${woff2}) format('woff2');`)
            .replace(/font-display:\s*\w+;/, 'font-display: block;')
            .replace(/\n\s*/g, ' '),
        );
      }
    }
  }
  return {
    files: [...files.values()].sort((a, b) => compareStrings(a.name, b.name)),
    css: rules.join('\n'),
  };
}

export function fontFiles(): FontFile[] {
  cached ??= loadFonts();
  return cached.files;
}

/** @font-face rules whose URLs point into `assetsUrl` (relative or absolute). */
export function fontFaceCss(assetsUrl: string): string {
  cached ??= loadFonts();
  return cached.css.replaceAll('{{ASSETS}}', assetsUrl);
}
