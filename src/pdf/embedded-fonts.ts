/** The fonts a PDF embeds, read with pdf-lib: how doctor and the tests tell bundled faces from the machine's. */
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';

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
