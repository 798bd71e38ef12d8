/** Reading PDFs back with real parsers, to assert what a reader would see. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';

export interface PdfText {
  /** The text of each page, items joined by single spaces. */
  pages: string[];
  title: string | undefined;
  /** Raw PDF date strings, e.g. `D:20240902080000Z`. */
  creationDate: string | undefined;
  modificationDate: string | undefined;
}

export async function readPdfText(pdf: Uint8Array): Promise<PdfText> {
  // pdf.js takes ownership of (detaches) the buffer it is given: pass a copy.
  const document = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const strings = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
      pages.push(strings.join(' ').replace(/\s+/g, ' ').trim());
    }
    const { info } = await document.getMetadata();
    const fields = info as { Title?: string; CreationDate?: string; ModDate?: string };
    return {
      pages,
      title: fields.Title,
      creationDate: fields.CreationDate,
      modificationDate: fields.ModDate,
    };
  } finally {
    await document.destroy();
  }
}

export interface TextPosition {
  page: number;
  text: string;
  /** Where the text ends on the x axis and where its baseline is, in PDF points. */
  right: number;
  baseline: number;
  pageWidth: number;
}

/** Every piece of text matching `pattern`, with where it sits on its page. */
export async function textPositions(pdf: Uint8Array, pattern: RegExp): Promise<TextPosition[]> {
  const document = await getDocument({ data: pdf.slice(), verbosity: 0 }).promise;
  try {
    const found: TextPosition[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const pageWidth = page.view[2]! - page.view[0]!;
      for (const item of (await page.getTextContent()).items) {
        if (!('str' in item) || !pattern.test(item.str)) continue;
        const [, , , , x, y] = item.transform as number[];
        found.push({
          page: number,
          text: item.str,
          right: x! + item.width,
          baseline: y!,
          pageWidth,
        });
      }
    }
    return found;
  } finally {
    await document.destroy();
  }
}

export interface EmbeddedFont {
  /** FontName without the subset prefix, e.g. `NotoSerif-Regular`. */
  name: string;
  /** Which stream holds the font program: FontFile2 (TrueType) or FontFile3 (CFF/OpenType). */
  file: 'FontFile' | 'FontFile2' | 'FontFile3' | undefined;
}

/** Every font descriptor in the file, and whether its font program is embedded. */
export async function readEmbeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict || dict.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
    const fontName = dict.get(PDFName.of('FontName'));
    const name =
      fontName instanceof PDFName ? fontName.decodeText().replace(/^[A-Z]{6}\+/, '') : '';
    const file = (['FontFile', 'FontFile2', 'FontFile3'] as const).find((key) => {
      const ref = dict.get(PDFName.of(key));
      return ref !== undefined && document.context.lookup(ref) instanceof PDFRawStream;
    });
    fonts.push({ name, file });
  }
  return fonts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function pageSizes(pdf: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPages().map((page) => {
    const { width, height } = page.getSize();
    return `${Math.round(width)}x${Math.round(height)}`;
  });
}
