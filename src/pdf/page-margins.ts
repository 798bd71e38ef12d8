/**
 * The page margins a document's stylesheet gives its pages, read from its
 * unnamed `@page` rules, so that page numbers written on a printed pack
 * (page-numbers.ts) sit where Chromium puts the layout's bottom-right
 * margin box: a project's own layout.njk may set other margins than the
 * built-in one. Later rules win, as in the cascade; a margin set in a way
 * this does not read (a percentage, `auto`, a variable) leaves the
 * built-in layout's value.
 */

/** Right and bottom page margins, in CSS pixels. */
export interface PageMargins {
  right: number;
  bottom: number;
}

const PX_PER: Record<string, number> = {
  px: 1,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
  pt: 96 / 72,
  pc: 16,
};

/** A length in whole CSS pixels, as Chromium rounds page margins. */
function cssPixels(value: number, unit: string): number | undefined {
  const factor = PX_PER[unit.toLowerCase()];
  return factor === undefined ? undefined : Math.round(value * factor);
}

/** templates/layout.njk's margins (16 mm right, 18 mm bottom), as Chromium lays them out. */
export const LAYOUT_MARGINS: PageMargins = {
  right: cssPixels(16, 'mm')!,
  bottom: cssPixels(18, 'mm')!,
};

function length(text: string): number | undefined {
  const match = /^(-?\d*\.?\d+)([a-zA-Z]*)$/.exec(text.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!match[2]) return value === 0 ? 0 : undefined;
  return cssPixels(value, match[2]);
}

/** The declarations of each unnamed `@page` rule, outside its margin-box blocks, in document order. */
function pageRules(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: string[] = [];
  for (const match of text.matchAll(/@page\s*\{/gi)) {
    let depth = 1;
    let own = '';
    for (let i = match.index + match[0].length; i < text.length && depth > 0; i++) {
      const c = text[i]!;
      if (c === '{') depth++;
      else if (c === '}') depth--;
      else if (depth === 1) own += c;
    }
    rules.push(own);
  }
  return rules;
}

/** The right and bottom margins the unnamed `@page` rules of `css` (a whole page's HTML will do) give. */
export function pageMargins(css: string): PageMargins {
  const margins = { ...LAYOUT_MARGINS };
  for (const rule of pageRules(css))
    for (const declaration of rule.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon < 0) continue;
      const name = declaration.slice(0, colon).trim().toLowerCase();
      const value = declaration
        .slice(colon + 1)
        .replace(/!important/i, '')
        .trim();
      if (name === 'margin') {
        // One to four values: top, right, bottom, left, as for any box.
        const values = value.split(/\s+/).map(length);
        const [top, right = top, bottom = top] = values;
        if (values.length <= 4 && values.every((v) => v !== undefined)) {
          margins.right = right!;
          margins.bottom = bottom!;
        }
      } else if (name === 'margin-right' && length(value) !== undefined) {
        margins.right = length(value)!;
      } else if (name === 'margin-bottom' && length(value) !== undefined) {
        margins.bottom = length(value)!;
      }
    }
  return margins;
}
