/**
 * Several printed documents as one PDF, e.g. every student's version of a
 * quiz in a single file to send to the printer.
 */
import { PDFDocument } from 'pdf-lib';
import { NO_PAUSES, setMetadata } from './metadata.js';
import type { PdfMetadata } from './types.js';

export interface MergeOptions extends PdfMetadata {
  /**
   * For double-sided printing: start every part on a right-hand (odd) page by
   * adding a blank page after each part with an odd number of pages, so no
   * sheet carries the end of one student's quiz and the start of the next.
   */
  duplex?: boolean;
}

export interface MergedPart {
  pageCount: number;
  /** 1-based page of the merged PDF where the part starts. */
  firstPage: number;
}

export interface MergedPdf {
  pdf: Uint8Array;
  /** One entry per input part, in order. */
  parts: MergedPart[];
  pageCount: number;
}

export async function mergePdfs(
  parts: readonly Uint8Array[],
  options: MergeOptions,
): Promise<MergedPdf> {
  // A PDF needs at least one page (pdf-lib would quietly add a blank one).
  if (parts.length === 0) throw new RangeError('mergePdfs needs at least one part');
  const merged = await PDFDocument.create({ updateMetadata: false });
  setMetadata(merged, options);
  // Set by hand because updateMetadata: false, which keeps the clock out, also leaves these empty.
  merged.setCreator('handout');
  merged.setProducer('pdf-lib (https://github.com/Hopding/pdf-lib)');
  const placed: MergedPart[] = [];
  for (const [index, part] of parts.entries()) {
    const source = await PDFDocument.load(part, { updateMetadata: false, parseSpeed: NO_PAUSES });
    const pages = await merged.copyPages(source, source.getPageIndices());
    placed.push({ pageCount: pages.length, firstPage: merged.getPageCount() + 1 });
    for (const page of pages) merged.addPage(page);
    const last = pages.at(-1);
    const more = index < parts.length - 1;
    if (options.duplex && more && last && pages.length % 2 === 1) {
      const { width, height } = last.getSize();
      merged.addPage([width, height]);
    }
  }
  const pdf = await merged.save({ objectsPerTick: NO_PAUSES });
  return { pdf, parts: placed, pageCount: merged.getPageCount() };
}
