/**
 * A class pack from copies printed together: Chromium prints a chunk of
 * copies as one document (one page.pdf call instead of one per copy, about
 * four times faster), and this module finds where each copy starts, writes
 * each copy's own "Page x of y", adds the blank pages double-sided printing
 * needs, and cuts per-student files from the same printed pages.
 *
 * Chunks are joined at the byte level, as they arrive (copy-pages.ts): a
 * pack of 1,000 copies holds one chunk in memory, not the whole document
 * (pdf-lib parsed every object into its object model and wrote the pack
 * from memory at the end). Where each copy starts is pack-parts.ts.
 *
 * Double-sided, every copy starts on a right-hand page, and so does its
 * answer sheet: a sheet printed on the back of the last question page
 * could not be handed in (or scanned) without the questions. The sheet's
 * start is a named destination, like each copy's (templates/quiz/answer-sheet.njk).
 */
import { PageNumbers } from './page-numbers.js';
import type { PageMargins } from './page-margins.js';
import { blankPage, copyPages, mediaBox, writePageTree } from './copy-pages.js';
import { numbering, partRanges, sheetBreak } from './pack-parts.js';
import { PdfSource, type SourcePage } from './pdf-source.js';
import { PdfWriter, memorySink, type PdfSink } from './pdf-writer.js';
import type { PdfMetadata } from './types.js';

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
  /**
   * The page margins of the copies' layout (page-margins.ts), which place
   * the page numbers; templates/layout.njk's when not given.
   */
  margins?: PageMargins;
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

/**
 * Writes a pack into `sink` chunk by chunk: `add` each printed chunk in
 * pack order, then `finish`.
 */
export class PackAssembler {
  readonly #options: PackOptions;
  readonly #writer: PdfWriter;
  readonly #numbers: PageNumbers;
  /** The page tree's root, written last, when every page is known. */
  readonly #root: number;
  readonly #kids: number[] = [];
  #copies = 0;
  /** The media box of the blank page owed before the next copy (duplex, odd page count). */
  #blankOwed: string | undefined;

  constructor(sink: PdfSink, options: PackOptions) {
    this.#options = options;
    this.#writer = new PdfWriter(sink);
    this.#numbers = new PageNumbers(this.#writer, options.margins);
    this.#root = this.#writer.allocate();
  }

  /** Adds the copies of the next printed chunk; returns them in order. */
  async add(chunk: PrintedChunk): Promise<PackPart[]> {
    const { split } = this.#options;
    if (split && this.#copies + chunk.parts.length > split.length) {
      throw new RangeError(`split metadata for ${split.length} copies, got more`);
    }
    const source = new PdfSource(chunk.pdf);
    const pages = source.pages();
    const ranges = partRanges(source.destinations(), pages, chunk.parts);
    const target = { writer: this.#writer, numbers: this.#numbers, parent: this.#root };
    const copied = await copyPages(source, pages, numbering(ranges), target);
    const parts: PackPart[] = [];
    const destinations = source.destinations();
    for (const [r, range] of ranges.entries()) {
      if (this.#blankOwed !== undefined) {
        this.#kids.push(await blankPage(this.#writer, this.#root, this.#blankOwed));
        this.#blankOwed = undefined;
      }
      const part: PackPart = {
        pageCount: range.end - range.start,
        firstPage: this.#kids.length + 1,
      };
      const blankAt = this.#options.duplex
        ? sheetBreak(destinations, pages, chunk.parts[r]!, range)
        : undefined;
      const own = copied.slice(range.start, range.end);
      if (blankAt !== undefined) {
        const box = mediaBox(source, pages[range.start + blankAt - 1]!);
        own.splice(blankAt, 0, await blankPage(this.#writer, this.#root, box));
      }
      this.#kids.push(...own);
      const metadata = split?.[this.#copies];
      if (metadata)
        part.pdf = await cutCopy(source, pages.slice(range.start, range.end), metadata, blankAt);
      // Owed only if another copy follows: none is added after the last one.
      if (this.#options.duplex && own.length % 2 === 1)
        this.#blankOwed = mediaBox(source, pages[range.end - 1]!);
      this.#copies += 1;
      parts.push(part);
    }
    return parts;
  }

  /** Writes the page tree, the document information and the cross-reference table. */
  async finish(): Promise<{ pageCount: number; copies: number }> {
    if (this.#copies === 0) throw new RangeError('a pack needs at least one copy');
    const { split } = this.#options;
    if (split && split.length !== this.#copies) {
      throw new RangeError(`split metadata for ${split.length} of ${this.#copies} copies`);
    }
    await writePageTree(this.#writer, this.#root, this.#kids);
    await this.#writer.end(this.#root, this.#options);
    return { pageCount: this.#kids.length, copies: this.#copies };
  }
}

/** A whole pack in memory, from chunks already printed. */
export async function assemblePack(
  chunks: readonly PrintedChunk[],
  options: PackOptions,
): Promise<AssembledPack> {
  const memory = memorySink();
  const assembler = new PackAssembler(memory.sink, options);
  const parts: PackPart[] = [];
  for (const chunk of chunks) parts.push(...(await assembler.add(chunk)));
  const { pageCount } = await assembler.finish();
  return { pdf: memory.bytes(), pageCount, parts };
}

async function cutCopy(
  source: PdfSource,
  pages: readonly SourcePage[],
  metadata: PdfMetadata,
  blankAt: number | undefined,
): Promise<Uint8Array> {
  const memory = memorySink();
  const writer = new PdfWriter(memory.sink);
  const root = writer.allocate();
  const target = { writer, numbers: new PageNumbers(writer), parent: root };
  const labels = numbering([{ start: 0, end: pages.length }]);
  const kids = await copyPages(source, pages, labels, target);
  if (blankAt !== undefined)
    kids.splice(blankAt, 0, await blankPage(writer, root, mediaBox(source, pages[blankAt - 1]!)));
  await writePageTree(writer, root, kids);
  await writer.end(root, metadata);
  return memory.bytes();
}
