/**
 * "Page x of y" for copies printed together as one document. Chromium's
 * counter(page) counts the whole document and cannot be restarted per copy,
 * so a pack's pages are printed without the number and it is written on
 * afterwards, counted within each copy, where the layout's bottom-right
 * margin box would have put it. The font is a bundled Noto Sans face
 * (embedded, subset to the glyphs used), never one from the machine.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import {
  PDFContentStream,
  degrees,
  drawText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  type PDFDocument,
  type PDFFont,
  type PDFName,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
/**
 * The face the layout's margin boxes use ('Noto Sans', 400); its Latin
 * subset has every glyph needed. The WOFF file, not the WOFF2 one the pages
 * load: fontkit cannot subset WOFF2 (it fails on the transformed glyph table).
 */
const FACE_FILE = '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff';

/*
 * Where Chromium puts the bottom-right margin box of templates/layout.njk
 * (margins 16 mm right, 18 mm bottom, rounded to whole CSS pixels: 60 px =
 * 45 pt and 68 px = 51 pt; 8 pt text centred in that band has its baseline
 * 22.5 pt above the page edge), measured on Chromium's own output.
 */
const RIGHT_INSET = 45;
const BASELINE = 22.5;
const SIZE = 8;
const GREY = rgb(0x44 / 255, 0x44 / 255, 0x44 / 255);

let fontBytes: Promise<Uint8Array> | undefined;

function faceBytes(): Promise<Uint8Array> {
  fontBytes ??= readFile(createRequire(import.meta.url).resolve(FACE_FILE)).then(
    (bytes) => new Uint8Array(bytes),
  );
  return fontBytes;
}

/** The words around the numbers, as the layout writes them for a document printed alone. */
export function pageLabel(number: number, total: number): string {
  return `Page ${number} of ${total}`;
}

export class PageNumbers {
  readonly #font: PDFFont;
  readonly #document: PDFDocument;
  /** Streams holding just "q" and "Q", shared by every page of the document. */
  readonly #save: PDFRef;
  readonly #restore: PDFRef;
  /**
   * Each label's drawing operators, as one uncompressed stream shared by
   * every page that shows it: a pack has a few distinct labels ("Page 2 of
   * 5") over hundreds of pages, and shaping the text and deflating a
   * stream for every page took most of the time of assembling a pack.
   */
  readonly #labels = new Map<string, PDFRef>();

  private constructor(font: PDFFont, document: PDFDocument) {
    this.#font = font;
    this.#document = document;
    this.#save = this.#stream([pushGraphicsState()]);
    this.#restore = this.#stream([popGraphicsState()]);
  }

  /** Embeds the face in `document` once; stamp as many of its pages as needed. */
  static async for(document: PDFDocument): Promise<PageNumbers> {
    document.registerFontkit(fontkit);
    const font = await document.embedFont(await faceBytes(), { subset: true });
    return new PageNumbers(font, document);
  }

  stamp(page: PDFPage, number: number, total: number): void {
    // Chromium leaves its own transformation (pixels, y downwards) in force at
    // the end of a page: enclose its content in q/Q so ours starts from PDF units.
    page.node.wrapContentStreams(this.#save, this.#restore);
    const name = page.node.newFontDictionary(FONT_KEY, this.#font.ref);
    page.node.addContentStream(this.#label(pageLabel(number, total), name, page.getWidth()));
  }

  #label(text: string, fontName: PDFName, pageWidth: number): PDFRef {
    const key = `${pageWidth} ${fontName.asString()} ${text}`;
    let ref = this.#labels.get(key);
    if (!ref) {
      const width = this.#font.widthOfTextAtSize(text, SIZE);
      ref = this.#stream(
        drawText(this.#font.encodeText(text), {
          x: pageWidth - RIGHT_INSET - width,
          y: BASELINE,
          size: SIZE,
          font: fontName,
          color: GREY,
          rotate: degrees(0),
          xSkew: degrees(0),
          ySkew: degrees(0),
        }),
      );
      this.#labels.set(key, ref);
    }
    return ref;
  }

  #stream(operators: PDFOperator[]): PDFRef {
    const { context } = this.#document;
    return context.register(PDFContentStream.of(context.obj({}), operators, false));
  }
}

/** The font's name in a page's resources (newFontDictionary adds a number if it is taken). */
const FONT_KEY = 'HandoutPageNumbers';
