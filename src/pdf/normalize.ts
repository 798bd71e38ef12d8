/**
 * Reproducible PDFs. Chromium stamps every PDF with the time it was printed
 * (CreationDate and ModDate, to the second), and tagged PDFs of pages with
 * tables carry DOM-counter IDs that shift between runs. Replacing the dates
 * with a caller-given date and the IDs by their rank makes same inputs give
 * byte-identical files.
 */
import { restampChromiumPdf } from './restamp.js';
import { renumberStructureIds } from './structure-ids.js';
import type { NormalizedPdf, PdfMetadata } from './types.js';

/**
 * Sets the title and both dates. Chromium's output is patched in place when
 * its title already matches (the printer sets document.title for that);
 * anything else is rewritten with pdf-lib, loaded only then.
 */
export async function normalizePdf(
  printed: Uint8Array,
  metadata: PdfMetadata,
): Promise<NormalizedPdf> {
  const pdf = renumberStructureIds(printed);
  const restamped = restampChromiumPdf(pdf, metadata);
  if (restamped) return restamped;
  const { rewriteMetadata } = await import('./metadata.js');
  return rewriteMetadata(pdf, metadata);
}
