/**
 * A class pack from copies printed together: Chromium prints a chunk of
 * copies as one document (one page.pdf call instead of one per copy, about
 * four times faster), and this module finds where each copy starts, writes
 * each copy's own "Page x of y", adds the blank pages double-sided printing
 * needs, and cuts per-student files from the same printed pages.
 *
 * Double-sided, every copy starts on a right-hand page, and so does its
 * answer sheet: a sheet printed on the back of the last question page
 * could not be handed in (or scanned) without the questions. The sheet's
 * start is a named destination, like each copy's (templates/quiz/answer-sheet.njk).
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
   * For double-sided printing: every copy starts on a right-hand (odd) page,
   * and so does its answer sheet; blank pages go before a sheet that would
   * start on a left-hand page and after a copy with an odd number of pages.
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
    for (const [r, range] of ranges.entries()) {
      const pages = copied.slice(range.start, range.end);
      const blankAt = options.duplex ? sheetBreak(source, chunk.parts[r]!, range) : undefined;
      const part: PackPart = { pageCount: pages.length, firstPage: pack.getPageCount() + 1 };
      pages.forEach((page, i) => {
        if (i === blankAt) pack.addPage([page.getWidth(), page.getHeight()]);
        pack.addPage(page);
        numbers.stamp(page, i + 1, pages.length);
      });
      const metadata = options.split?.[parts.length];
      if (metadata) part.pdf = await cutCopy(source, range, metadata, blankAt);
      parts.push(part);
      const last = pages.at(-1);
      const printed = pages.length + (blankAt === undefined ? 0 : 1);
      if (options.duplex && parts.length < partTotal && last && printed % 2 === 1) {
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

/** The 0-based page a named destination points to, or -1. */
function destinationPage(source: PDFDocument, name: string): number {
  const dests = source.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  // A destination is [pageRef /XYZ left top zoom].
  const ref = dests?.lookupMaybe(PDFName.of(name), PDFArray)?.get(0);
  if (!(ref instanceof PDFRef)) return -1;
  return source.getPages().findIndex((page: PDFPage) => page.ref === ref);
}

/**
 * Where, counted from the copy's first page, a blank page must go so that
 * the copy's answer sheet starts on a right-hand page; undefined when it
 * already does, or when the copy has no sheet.
 */
function sheetBreak(source: PDFDocument, name: string, range: PageRange): number | undefined {
  const offset = destinationPage(source, `${name}-sheet`) - range.start;
  return offset > 0 && offset < range.end - range.start && offset % 2 === 1 ? offset : undefined;
}

/** A document printed alone (one copy), with its answer sheet moved to a right-hand page. */
export async function sheetOnRecto(pdf: Uint8Array): Promise<Uint8Array> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: NO_PAUSES });
  const at = sheetBreak(document, 'copy', { start: 0, end: document.getPageCount() });
  if (at === undefined) return pdf;
  const before = document.getPage(at - 1);
  document.insertPage(at, [before.getWidth(), before.getHeight()]);
  return document.save({ objectsPerTick: NO_PAUSES, useObjectStreams: false });
}

/** Each named part's pages, from the named destinations Chromium wrote for them. */
export function partRanges(source: PDFDocument, names: readonly string[]): PageRange[] {
  const starts = names.map((name) => {
    const index = destinationPage(source, name);
    if (index === -1) throw lostPart(name, 'has no start page');
    return index;
  });
  starts.forEach((start, i) => {
    const expected = i === 0 ? start === 0 : start > starts[i - 1]!;
    if (!expected) throw lostPart(names[i]!, 'does not start after the one before it');
  });
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? source.getPageCount() }));
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
  blankAt: number | undefined,
): Promise<Uint8Array> {
  const single = await PDFDocument.create({ updateMetadata: false });
  describe(single, metadata);
  const numbers = await PageNumbers.for(single);
  const indices = Array.from({ length: range.end - range.start }, (_, i) => range.start + i);
  const pages = await single.copyPages(source, indices);
  pages.forEach((page, i) => {
    if (i === blankAt) single.addPage([page.getWidth(), page.getHeight()]);
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
