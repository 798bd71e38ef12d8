/**
 * Reproducible PDFs. Chromium stamps every PDF with the time it was printed
 * (CreationDate and ModDate, to the second), and tagged PDFs of pages with
 * tables carry DOM-counter IDs that shift between runs. Replacing the dates
 * with a caller-given date and the IDs by their rank makes same inputs give
 * byte-identical files.
 */
import { restampChromiumPdf } from './restamp.js';
import { renumberStructureIds } from './structure-ids.js';

export interface PdfMetadata {
  title: string;
  /** Stands in for "now": derive it from the inputs (e.g. the seed), never from the clock. */
  date: Date;
}

export interface NormalizedPdf {
  pdf: Uint8Array;
  /** Counted while the file is open anyway, so callers need not parse it again. */
  pageCount: number;
}

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
