/** Reading PDFs back with real parsers, to assert what a reader would see. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument } from 'pdf-lib';

export interface PdfText {
  /** The text of each page as printed, runs of white space as single spaces. */
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
      // Spaces are items of their own and line ends are flagged: joining the
      // items with nothing in between gives the text as printed. (A new item
      // starts wherever the font changes, e.g. between the chunks of a CJK
      // font, so joining with spaces would split a name like 李小龙.)
      const items = content.items.flatMap((item) => ('str' in item ? [item] : []));
      const text = inReadingOrder(items)
        .map((item) => item.str + (item.hasEOL ? '\n' : ''))
        .join('');
      pages.push(text.replace(/\s+/g, ' ').trim());
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

interface TextItem {
  str: string;
  dir: string;
  hasEOL: boolean;
}

/**
 * pdf.js lists items in the order they are drawn, left to right; a run of
 * right-to-left items (Arabic, Hebrew), with the spaces between them, is
 * read the other way, as a PDF viewer copies it.
 */
function inReadingOrder(items: TextItem[]): TextItem[] {
  const ordered: TextItem[] = [];
  let run: TextItem[] = [];
  const flush = (): void => {
    // Spaces after the run's last right-to-left item stay where they are.
    let end = run.length;
    while (end > 0 && run[end - 1]!.dir !== 'rtl') end--;
    ordered.push(...run.slice(0, end).reverse(), ...run.slice(end));
    run = [];
  };
  for (const item of items) {
    const joinsRun =
      item.dir === 'rtl' || (run.length > 0 && item.str.trim() === '' && !item.hasEOL);
    if (joinsRun) run.push(item);
    else {
      flush();
      ordered.push(item);
    }
    if (item.hasEOL) flush();
  }
  flush();
  return ordered;
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

// handout doctor reads the fonts of its test page the same way.
export { readEmbeddedFonts, type EmbeddedFont } from '../../src/pdf/embedded-fonts.js';

export async function pageSizes(pdf: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPages().map((page) => {
    const { width, height } = page.getSize();
    return `${Math.round(width)}x${Math.round(height)}`;
  });
}
