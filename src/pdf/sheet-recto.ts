/**
 * A copy printed alone (a version's PDF) for double-sided printing: its
 * answer sheet moved to a right-hand page by a blank page before it, when
 * the questions end on a right-hand page. Packs do the same as they are
 * joined (pdf/pack.ts); a single document is small, so pdf-lib inserts the
 * page here.
 */
import { PDFDocument } from 'pdf-lib';
import { NO_PAUSES } from './metadata.js';
import { sheetBreak } from './pack-parts.js';
import { PdfSource } from './pdf-source.js';

export async function sheetOnRecto(pdf: Uint8Array): Promise<Uint8Array> {
  const source = new PdfSource(pdf);
  const pages = source.pages();
  // A document printed alone is the part "copy" (templates/layout.njk).
  const at = sheetBreak(source.destinations(), pages, 'copy', { start: 0, end: pages.length });
  if (at === undefined) return pdf;
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: NO_PAUSES });
  const before = document.getPage(at - 1);
  document.insertPage(at, [before.getWidth(), before.getHeight()]);
  return document.save({ objectsPerTick: NO_PAUSES, useObjectStreams: false });
}
