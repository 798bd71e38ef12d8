/**
 * Which font families handout bundles, and in what order each stack tries
 * them. To add a script, add its @fontsource package to one of these lists
 * (and to package.json): font-packages.ts reads its faces, font-coverage.ts
 * counts its characters as covered, fonts.ts ships its files.
 */

export interface FamilySpec {
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
export const STACKS = {
  serif: [...SERIF, ...CJK, ...SANS],
  sans: [...SANS, ...CJK, ...SERIF],
};

/** Every bundled family once, in the order fonts.css declares their faces. */
export const ALL_FAMILIES = [...SERIF, ...SANS, ...CJK];
