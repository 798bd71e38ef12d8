/** Document information written with pdf-lib, whose writer is deterministic. */
import { PDFDocument } from 'pdf-lib';
import type { NormalizedPdf, PdfMetadata } from './types.js';

/**
 * pdf-lib pauses every few objects to keep the event loop free; for a quiz of
 * a few pages that only adds time (about a third of the 20-60 ms it takes).
 */
export const NO_PAUSES = Number.POSITIVE_INFINITY;

export async function rewriteMetadata(
  pdf: Uint8Array,
  metadata: PdfMetadata,
): Promise<NormalizedPdf> {
  // updateMetadata: false, or pdf-lib would stamp its own "now" and name.
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: NO_PAUSES });
  setMetadata(document, metadata);
  const saved = await document.save({ useObjectStreams: true, objectsPerTick: NO_PAUSES });
  return { pdf: saved, pageCount: document.getPageCount() };
}

export function setMetadata(document: PDFDocument, { title, date }: PdfMetadata): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('PDF date is not a valid date');
  document.setTitle(title, { showInWindowTitleBar: true });
  document.setCreationDate(date);
  document.setModificationDate(date);
}
