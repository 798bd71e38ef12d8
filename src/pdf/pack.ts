/**
 * A class pack from copies printed together: Chromium prints a chunk of
 * copies as one document (one page.pdf call instead of one per copy, about
 * four times faster), and this module finds where each copy starts, writes
 * each copy's own "Page x of y", adds the blank pages double-sided printing
 * needs, and cuts per-student files from the same printed pages.
 *
 * Chunks are joined at the byte level, as they arrive: each chunk's objects
 * are renumbered and written straight into the pack's file, their streams
 * copied as printed, so a pack of 1,000 copies holds one chunk in memory,
 * not the whole document (pdf-lib parsed every object into its object model
 * and wrote the pack from memory at the end).
 *
 * Double-sided, every copy starts on a right-hand page, and so does its
 * answer sheet: a sheet printed on the back of the last question page
 * could not be handed in (or scanned) without the questions. The sheet's
 * start is a named destination, like each copy's (templates/quiz/answer-sheet.njk).
 */
import { HandoutError } from '../errors.js';
import { FONT_KEY, PageNumbers } from './page-numbers.js';
import type { PageMargins } from './page-margins.js';
import { PdfSource, type SourcePage } from './pdf-source.js';
import { PdfDict, PdfRef, referencesIn, serialize, type PdfValue } from './pdf-syntax.js';
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

/** A page with nothing on it, the size of `box`, hung from the page tree `parent`. */
function blankPage(writer: PdfWriter, parent: number, box: string): Promise<number> {
  return writer.add(`<</Type /Page\n/Parent ${parent} 0 R\n/MediaBox ${box}\n/Resources <<>>>>`);
}

function mediaBox(source: PdfSource, page: SourcePage): string {
  return serialize(source.resolve(page.dict.get('MediaBox')) ?? '[0 0 612 792]', () => 'null');
}

/**
 * Where, counted from the copy's first page, a blank page must go so that
 * the copy's answer sheet (destination "<name>-sheet") starts on a
 * right-hand page; undefined when it already does, or when there is no sheet.
 */
export function sheetBreak(
  destinations: ReadonlyMap<string, number>,
  pages: readonly SourcePage[],
  name: string,
  range: PageRange,
): number | undefined {
  const sheet = destinations.get(`${name}-sheet`);
  const offset = pages.findIndex((page) => page.num === sheet) - range.start;
  return offset > 0 && offset < range.end - range.start && offset % 2 === 1 ? offset : undefined;
}

export interface PageRange {
  /** 0-based, end exclusive. */
  start: number;
  end: number;
}

/** Each named part's pages, from the named destinations Chromium wrote for them. */
export function partRanges(
  destinations: ReadonlyMap<string, number>,
  pages: readonly SourcePage[],
  names: readonly string[],
): PageRange[] {
  const index = new Map(pages.map((page, i) => [page.num, i]));
  const starts = names.map((name) => {
    const page = destinations.get(name);
    const start = page === undefined ? undefined : index.get(page);
    if (start === undefined) throw lostPart(name, 'has no start page');
    return start;
  });
  starts.forEach((start, i) => {
    const expected = i === 0 ? start === 0 : start > starts[i - 1]!;
    if (!expected) throw lostPart(names[i]!, 'does not start after the one before it');
  });
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? pages.length }));
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

/** Each page's number within its copy and its copy's page count, by page index. */
function numbering(ranges: readonly PageRange[]): { number: number; total: number }[] {
  return ranges.flatMap((range) =>
    Array.from({ length: range.end - range.start }, (_, i) => ({
      number: i + 1,
      total: range.end - range.start,
    })),
  );
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

async function writePageTree(
  writer: PdfWriter,
  root: number,
  kids: readonly number[],
): Promise<void> {
  const refs = kids.map((kid) => `${kid} 0 R`).join(' ');
  await writer.write(root, `<</Type /Pages\n/Kids [${refs}]\n/Count ${kids.length}>>`);
}

interface Target {
  writer: PdfWriter;
  numbers: PageNumbers;
  /** The page tree node the copied pages hang from. */
  parent: number;
}

/** A page's own keys that point back up the tree, never followed when copying. */
const UPWARDS = new Set(['Parent']);

/**
 * Writes `pages` of `source`, and every object they use, into the target
 * with new numbers, each page stamped with its label; returns the pages'
 * new numbers in order. Objects outside the pages (the catalog, the page
 * tree, other pages) are not copied: a reference to one becomes null.
 */
async function copyPages(
  source: PdfSource,
  pages: readonly SourcePage[],
  labels: readonly { number: number; total: number }[],
  target: Target,
): Promise<number[]> {
  const { writer } = target;
  const renumbered = new Map<number, number>();
  const pageIndex = new Map(pages.map((page, i) => [page.num, i]));
  const order: number[] = [];
  const visit = (num: number): void => {
    if (renumbered.has(num)) return;
    const type = source.dict(new PdfRef(num))?.get('Type');
    const isPage = pageIndex.has(num);
    if (!isPage && (type === '/Page' || type === '/Pages' || type === '/Catalog')) return;
    renumbered.set(num, writer.allocate());
    order.push(num);
  };
  // Breadth first from the pages, in page order: the same input gives the same numbering.
  for (const page of pages) visit(page.num);
  for (let i = 0; i < order.length; i++) {
    const num = order[i]!;
    const value = pageIndex.has(num) ? pages[pageIndex.get(num)!]!.dict : source.object(num).value;
    for (const ref of referencesIn(value, UPWARDS)) visit(ref.num);
  }
  const rename = (ref: PdfRef): string => {
    const num = renumbered.get(ref.num);
    return num === undefined ? 'null' : `${num} 0 R`;
  };
  const font = await target.numbers.font();
  for (const num of order) {
    const index = pageIndex.get(num);
    const newNum = renumbered.get(num)!;
    if (index !== undefined) {
      const page = pages[index]!;
      const label = labels[index]!;
      await writer.write(newNum, await stampedPage(source, page, label, target, font, rename));
      continue;
    }
    const { value, stream } = source.object(num);
    if (stream && value instanceof PdfDict) {
      // The length written directly: the object it may refer to need not come along.
      const dict = new PdfDict(value.entries).set('Length', String(stream.length));
      await writer.write(newNum, serialize(dict, rename), stream);
    } else await writer.write(newNum, serialize(value, rename));
  }
  return pages.map((page) => renumbered.get(page.num)!);
}

/** A page's dictionary, hung from the target's page tree, with its label drawn after its content. */
async function stampedPage(
  source: PdfSource,
  page: SourcePage,
  label: { number: number; total: number },
  target: Target,
  font: number,
  rename: (ref: PdfRef) => string,
): Promise<string> {
  const dict = new PdfDict(page.dict.entries);
  const mediaBox = source.resolve(dict.get('MediaBox'));
  const box = Array.isArray(mediaBox) ? mediaBox.map((n) => Number(source.resolve(n))) : [];
  const width = box.length === 4 ? box[2]! - box[0]! : 612;
  const { before, after } = await target.numbers.around(label.number, label.total, width);
  const resources = new PdfDict(source.dict(dict.get('Resources'))?.entries ?? []);
  const fonts = new PdfDict(source.dict(resources.get('Font'))?.entries ?? []);
  // Already written with its new number: kept as a token, not renamed again.
  fonts.set(FONT_KEY, `${font} 0 R`);
  resources.set('Font', fonts);
  const contents = source.resolve(dict.get('Contents'));
  const own: PdfValue[] = Array.isArray(contents)
    ? contents
    : contents === undefined
      ? []
      : [dict.get('Contents')!];
  const streams = [
    `${before} 0 R`,
    ...own.map((ref) => serialize(ref, rename)),
    ...after.map((n) => `${n} 0 R`),
  ];
  dict.set('Parent', `${target.parent} 0 R`);
  dict.set('Resources', resources);
  dict.set('Contents', `[${streams.join(' ')}]`);
  return serialize(dict, rename);
}
