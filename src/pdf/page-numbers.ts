/**
 * "Page x of y" for copies printed together as one document. Chromium's
 * counter(page) counts the whole document and cannot be restarted per copy,
 * so a pack's pages are printed without the number and it is written on
 * afterwards, counted within each copy, where the layout's bottom-right
 * margin box would have put it. The font is the bundled Noto Sans face,
 * embedded whole as a simple TrueType font (WinAnsi encoding, so any
 * reader extracts the text), never one from the machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import { dictText, type PdfWriter } from './pdf-writer.js';
import { pdfNumber, pdfString } from './pdf-syntax.js';
import { readTrueType, woffToTrueType, type TrueTypeFont } from './truetype.js';
import { LAYOUT_MARGINS, type PageMargins } from './page-margins.js';

/**
 * The face the layout's margin boxes use ('Noto Sans', 400); its Latin
 * subset has every glyph a label needs. The WOFF file, whose tables are
 * plain zlib streams, rather than the WOFF2 one the pages load.
 */
const FACE_FILE = '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff';

/**
 * Where Chromium puts the bottom-right margin box's 8 pt text for given
 * page margins (CSS pixels; 0.75 pt each): right-aligned at the right
 * margin, its baseline 3 pt below the middle of the bottom margin. For
 * templates/layout.njk's 16 mm and 18 mm (60 and 68 px) that is 45 pt from
 * the right edge and 22.5 pt above the bottom one, measured on Chromium's
 * own output.
 */
export function labelPlace(margins: PageMargins): LabelPlace {
  return { rightInset: margins.right * 0.75, baseline: (margins.bottom * 0.75) / 2 - 3 };
}

export interface LabelPlace {
  /** From the page's right edge to the label's right end, in points. */
  rightInset: number;
  /** From the page's bottom edge to the label's baseline, in points. */
  baseline: number;
}

const SIZE = 8;
/** #444444, as the layout's margin boxes. */
const GREY = '0.267 0.267 0.267 rg';
/** The font's name in each page's resources. */
export const FONT_KEY = 'HandoutPageNumbers';
/** WinAnsi codes the font's widths cover: printable ASCII, all a label uses. */
const FIRST_CHAR = 32;
const LAST_CHAR = 126;

/** The words around the numbers, as the layout writes them for a document printed alone. */
export function pageLabel(number: number, total: number): string {
  return `Page ${number} of ${total}`;
}

interface Face {
  font: TrueTypeFont;
  /** The TrueType file deflated once, for every document that embeds it. */
  deflated: Uint8Array;
}

let face: Face | undefined;

function loadFace(): Face {
  if (!face) {
    const woff = readFileSync(createRequire(import.meta.url).resolve(FACE_FILE));
    const font = readTrueType(woffToTrueType(new Uint8Array(woff)));
    face = { font, deflated: new Uint8Array(deflateSync(font.file, { level: 9 })) };
  }
  return face;
}

/** Width of a label in points, as drawn (no kerning: the text is shown as one string). */
export function labelWidth(text: string): number {
  const { font } = loadFace();
  let width = 0;
  for (const char of text) width += font.advance(char);
  return (width * SIZE) / 1000;
}

/**
 * The page numbers of one PDF being written: the font's objects, written
 * once, and each distinct label's drawing as one stream shared by every
 * page that shows it (a pack has a few labels over thousands of pages).
 */
export class PageNumbers {
  readonly #writer: PdfWriter;
  readonly #labels = new Map<string, number>();
  #font: number | undefined;
  #save: number | undefined;
  #restore: number | undefined;

  readonly #place: LabelPlace;

  constructor(writer: PdfWriter, margins: PageMargins = LAYOUT_MARGINS) {
    this.#writer = writer;
    this.#place = labelPlace(margins);
  }

  /** The font dictionary's object number, for the page's /Font resources. */
  async font(): Promise<number> {
    this.#font ??= await this.#writeFont();
    return this.#font;
  }

  /**
   * The content streams a stamped page shows, in order, around its own:
   * Chromium leaves its transformation (pixels, y downwards) in force at the
   * end of a page, so its content is enclosed in q/Q and ours starts from
   * PDF units.
   */
  async around(
    number: number,
    total: number,
    pageWidth: number,
  ): Promise<{ before: number; after: number[] }> {
    this.#save ??= await this.#writer.add(streamDict(1), Buffer.from('q'));
    this.#restore ??= await this.#writer.add(streamDict(1), Buffer.from('Q'));
    return {
      before: this.#save,
      after: [this.#restore, await this.#label(number, total, pageWidth)],
    };
  }

  async #label(number: number, total: number, pageWidth: number): Promise<number> {
    const text = pageLabel(number, total);
    const key = `${pageWidth} ${text}`;
    let num = this.#labels.get(key);
    if (num === undefined) {
      const x = pdfNumber(pageWidth - this.#place.rightInset - labelWidth(text));
      const operators = Buffer.from(
        `q ${GREY} BT /${FONT_KEY} ${SIZE} Tf 1 0 0 1 ${x} ${pdfNumber(this.#place.baseline)} Tm ${pdfString(text)} Tj ET Q`,
        'latin1',
      );
      num = await this.#writer.add(streamDict(operators.length), operators);
      this.#labels.set(key, num);
    }
    return num;
  }

  async #writeFont(): Promise<number> {
    const { font, deflated } = loadFace();
    const writer = this.#writer;
    const file = await writer.add(
      dictText({
        Length: String(deflated.length),
        Length1: String(font.file.length),
        Filter: '/FlateDecode',
      }),
      deflated,
    );
    const descriptor = await writer.add(
      dictText({
        Type: '/FontDescriptor',
        FontName: `/${font.postScriptName}`,
        // Nonsymbolic: the glyphs are found through the font's Unicode cmap.
        Flags: '32',
        FontBBox: `[${font.bbox.join(' ')}]`,
        ItalicAngle: pdfNumber(font.italicAngle),
        Ascent: String(font.ascent),
        Descent: String(font.descent),
        CapHeight: String(font.capHeight),
        // Required, and unused by renderers of an embedded TrueType font.
        StemV: '80',
        FontFile2: `${file} 0 R`,
      }),
    );
    const widths: number[] = [];
    for (let code = FIRST_CHAR; code <= LAST_CHAR; code++) {
      widths.push(font.advance(String.fromCharCode(code)));
    }
    return writer.add(
      dictText({
        Type: '/Font',
        Subtype: '/TrueType',
        BaseFont: `/${font.postScriptName}`,
        FirstChar: String(FIRST_CHAR),
        LastChar: String(LAST_CHAR),
        Widths: `[${widths.join(' ')}]`,
        Encoding: '/WinAnsiEncoding',
        FontDescriptor: `${descriptor} 0 R`,
      }),
    );
  }
}

function streamDict(length: number): string {
  return `<</Length ${length}>>`;
}
