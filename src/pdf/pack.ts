/**
 * A class pack from copies printed together: Chromium prints a chunk of
 * copies as one document (one page.pdf call instead of one per copy, about
 * four times faster), and this module finds where each copy starts, writes
 * each copy's own "Page x of y", adds the blank pages double-sided printing
 * needs, and cuts per-student files from the same printed pages.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFPage } from 'pdf-lib';
import { HandoutError } from '../errors.js';
import { NO_PAUSES, setMetadata } from './metadata.js';
import type { PdfMetadata } from './types.js';
import { PageNumbers } from './page-numbers.js';

export interface PrintedChunk {
  pdf: Uint8Array;
  /**
   * The page name of each copy in the chunk, in print order: each copy's
   * element carries it as its id, and a link to it makes Chromium record the
   * page it starts on as a named destination.
   */
  parts: readonly string[];
}

export interface PackOptions extends PdfMetadata {
  /**
   * For double-sided printing: every copy starts on a right-hand (odd) page;
   * a blank page follows each copy with an odd number of pages.
   */
  duplex: boolean;
  /** For each copy in pack order, the metadata of its own file, if one is wanted. */
  split?: readonly (PdfMetadata | undefined)[];
}

export interface PackPart {
  pageCount: number;
  /** 1-based page of the pack where the copy starts. */
  firstPage: number;
  /** The copy alone, when `split` asked for it. */
  pdf?: Uint8Array;
}

export interface AssembledPack {
  pdf: Uint8Array;
  pageCount: number;
  parts: PackPart[];
}

export async function assemblePack(
  chunks: readonly PrintedChunk[],
  options: PackOptions,
): Promise<AssembledPack> {
  const partTotal = chunks.reduce((n, chunk) => n + chunk.parts.length, 0);
  if (partTotal === 0) throw new RangeError('a pack needs at least one copy');
  if (options.split && options.split.length !== partTotal) {
    throw new RangeError(`split metadata for ${options.split.length} of ${partTotal} copies`);
  }
  const pack = await PDFDocument.create({ updateMetadata: false });
  describe(pack, options);
  const numbers = await PageNumbers.for(pack);
  const parts: PackPart[] = [];
  for (const chunk of chunks) {
    const source = await PDFDocument.load(chunk.pdf, {
      updateMetadata: false,
      parseSpeed: NO_PAUSES,
    });
    const ranges = partRanges(source, chunk.parts);
    // One copyPages call per chunk, so the fonts its pages share are copied once.
    const copied = await pack.copyPages(source, source.getPageIndices());
    for (const range of ranges) {
      const pages = copied.slice(range.start, range.end);
      const part: PackPart = { pageCount: pages.length, firstPage: pack.getPageCount() + 1 };
      pages.forEach((page, i) => {
        pack.addPage(page);
        numbers.stamp(page, i + 1, pages.length);
      });
      const metadata = options.split?.[parts.length];
      if (metadata) part.pdf = await cutCopy(source, range, metadata);
      parts.push(part);
      const last = pages.at(-1);
      if (options.duplex && parts.length < partTotal && last && pages.length % 2 === 1) {
        pack.addPage([last.getWidth(), last.getHeight()]);
      }
    }
  }
  // Without object streams, as Chromium writes: compressing them took a third of the time.
  const pdf = await pack.save({ objectsPerTick: NO_PAUSES, useObjectStreams: false });
  return { pdf, pageCount: pack.getPageCount(), parts };
}

interface PageRange {
  /** 0-based, end exclusive. */
  start: number;
  end: number;
}

/** Each named part's pages, from the named destinations Chromium wrote for them. */
export function partRanges(source: PDFDocument, names: readonly string[]): PageRange[] {
  const dests = source.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const pageRefs = source.getPages().map((page: PDFPage) => page.ref);
  const starts = names.map((name) => {
    // A destination is [pageRef /XYZ left top zoom].
    const ref = dests?.lookupMaybe(PDFName.of(name), PDFArray)?.get(0);
    const index = ref instanceof PDFRef ? pageRefs.indexOf(ref) : -1;
    if (index === -1) throw lostPart(name, 'has no start page');
    return index;
  });
  starts.forEach((start, i) => {
    const expected = i === 0 ? start === 0 : start > starts[i - 1]!;
    if (!expected) throw lostPart(names[i]!, 'does not start after the one before it');
  });
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? pageRefs.length }));
}

/**
 * The parts are marked by templates/layout.njk; a project's own layout that
 * dropped the marks (or an old copy of it) is the one way to get here.
 */
function lostPart(name: string, problem: string): HandoutError {
  return new HandoutError(
    `Could not find where each copy starts in the printed pack: part "${name}" ${problem}. If your project has its own templates/layout.njk, compare it with handout's: it must keep the "part" branches (each copy on its own named page, with the link to it).`,
    { code: 'pack-parts-lost' },
  );
}

async function cutCopy(
  source: PDFDocument,
  range: PageRange,
  metadata: PdfMetadata,
): Promise<Uint8Array> {
  const single = await PDFDocument.create({ updateMetadata: false });
  describe(single, metadata);
  const numbers = await PageNumbers.for(single);
  const indices = Array.from({ length: range.end - range.start }, (_, i) => range.start + i);
  const pages = await single.copyPages(source, indices);
  pages.forEach((page, i) => {
    single.addPage(page);
    numbers.stamp(page, i + 1, pages.length);
  });
  return single.save({ objectsPerTick: NO_PAUSES, useObjectStreams: false });
}

function describe(document: PDFDocument, metadata: PdfMetadata): void {
  setMetadata(document, metadata);
  // Set by hand because updateMetadata: false, which keeps the clock out, also leaves these empty.
  document.setCreator('handout');
  document.setProducer('pdf-lib (https://github.com/Hopding/pdf-lib)');
}
