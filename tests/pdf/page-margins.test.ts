import { describe, expect, it } from 'vitest';
import { LAYOUT_MARGINS, pageMargins } from '../../src/pdf/page-margins.js';
import { labelPlace } from '../../src/pdf/page-numbers.js';

describe('pageMargins', () => {
  it("reads the built-in layout's margins as Chromium lays them out, in whole pixels", () => {
    expect(LAYOUT_MARGINS).toEqual({ right: 60, bottom: 68 });
    expect(labelPlace(LAYOUT_MARGINS)).toEqual({ rightInset: 45, baseline: 22.5 });
    expect(pageMargins('@page { size: A4; margin: 17mm 16mm 18mm 16mm; }')).toEqual(LAYOUT_MARGINS);
  });

  it('follows the shorthand with one to four values, longhands, units and the cascade', () => {
    expect(pageMargins('@page { margin: 1in }')).toEqual({ right: 96, bottom: 96 });
    expect(pageMargins('@page { margin: 10mm 2cm }')).toEqual({ right: 76, bottom: 38 });
    expect(pageMargins('@page { margin: 0 36pt 72pt }')).toEqual({ right: 48, bottom: 96 });
    expect(
      pageMargins('@page { margin: 1in; } /* @page { margin: 0 } */ @page { margin-right: 50px }'),
    ).toEqual({ right: 50, bottom: 96 });
  });

  it('reads only unnamed @page rules, outside their margin boxes', () => {
    const css = `@page { margin: 20mm;
      @bottom-right { content: counter(page); margin: 0; } }
      @page sheet { margin: 0; }
      @page copy-1 { @top-left { content: "x"; } }`;
    expect(pageMargins(css)).toEqual({ right: 76, bottom: 76 });
  });

  it("keeps the built-in layout's value where a margin is not a length it can read", () => {
    expect(pageMargins('@page { margin: 5% auto; margin-bottom: var(--m) }')).toEqual(
      LAYOUT_MARGINS,
    );
    expect(pageMargins('<p>no page rules</p>')).toEqual(LAYOUT_MARGINS);
  });
});
