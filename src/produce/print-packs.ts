/**
 * Class packs printed as few documents: a pack's copies are concatenated
 * into chunks of about CHUNK_CHARACTERS of HTML, each printed untagged with one
 * page.pdf call, then joined as they come (per-copy page numbers, duplex
 * blanks, split files) by pdf/pack.ts into the pack's file. Chunks keep Chromium's memory the same for 30 or
 * 1,000 students, and give both tabs work even when a run has one pack.
 */
import type { PackAssembler } from '../pdf/pack.js';
import type { PrintJob } from '../pdf/print-jobs.js';
import type { OutputWriter, StagedFile } from '../write/writer.js';
import type { PlannedDocument, PlannedPack, PlannedPart } from './plan.js';

/**
 * HTML per printed document, in characters: about ten copies of the
 * bundled twenty-question quiz, some 50 pages. Large enough that the cost
 * per document (about 0.1 s, and a fresh tab: see pdf/tab-slot.ts) hardly
 * counts, small enough that a 30-student pack splits across two tabs and
 * that a tab's renderer stays small: its memory follows the size of the
 * document it prints (chunks of 16 quiz copies cost about 70 MB more at the
 * peak, for no less CPU time). Copies are counted by their HTML, not by
 * number: a marking grid, one page, has a fifth of a quiz copy's HTML, and
 * grids printed ten to a document cost as many documents and tabs as the
 * quizzes for a fifth of their pages.
 */
export const CHUNK_CHARACTERS = 400_000;

/**
 * At most this many copies a chunk, however short: a renderer's memory
 * grows with pages too, and a marking grid's page (bubbles, a QR code) is
 * heavier than its HTML suggests: chunks of 59 grids took renderers to
 * 330 MB and chunks of 20 to 200-236 MB, against about 190 MB for ten quiz
 * copies or fifteen grids.
 */
export const MAX_CHUNK_COPIES = 15;

/** Copies of `copyLength` characters of HTML in a chunk of about CHUNK_CHARACTERS. */
export function copiesPerChunk(copyLength: number): number {
  return Math.min(
    MAX_CHUNK_COPIES,
    Math.max(1, Math.floor(CHUNK_CHARACTERS / Math.max(1, copyLength))),
  );
}

/** The parts split into chunks of nearly equal size, at most `perChunk` each, at least two when there is enough to share. */
export function packChunks<T>(parts: readonly T[], perChunk: number): T[][] {
  if (parts.length === 0) return [];
  const count = Math.max(Math.ceil(parts.length / perChunk), parts.length >= 4 ? 2 : 1);
  const size = Math.ceil(parts.length / count);
  const chunks: T[][] = [];
  for (let start = 0; start < parts.length; start += size)
    chunks.push(parts.slice(start, start + size));
  return chunks;
}

/**
 * A pack's chunks. Their size comes from the first copy's HTML, which
 * stands for the others (copies of one quiz differ only in order and names);
 * rendered once per pack, since both the print jobs and the pack's writer
 * need the chunks.
 */
const chunksOfPack = new WeakMap<PlannedPack, { chunks: PlannedPart[][]; copyLength: number }>();

function packChunking(pack: PlannedPack): { chunks: PlannedPart[][]; copyLength: number } {
  let found = chunksOfPack.get(pack);
  if (!found) {
    const copyLength = pack.parts[0]?.render().length ?? 0;
    found = { chunks: packChunks(pack.parts, copiesPerChunk(copyLength)), copyLength };
    chunksOfPack.set(pack, found);
  }
  return found;
}

/**
 * One print job per chunk: the pack's head, then each copy on its own named
 * pages. Each chunk's HTML is rendered only when its turn to print comes;
 * the copies' own pages rendered with it (PlannedPart.page) go to `onPage`.
 */
export function packPrintJobs(
  pack: PlannedPack,
  metadata: { baseUrl: string; date: Date },
  onPage: (document: PlannedDocument, html: string) => void,
): PrintJob[] {
  const { chunks, copyLength } = packChunking(pack);
  const render = (part: PlannedPart): string => {
    // A page another thread took is written there; the part is rendered alone.
    if (!part.page || part.page.document.claim?.() === false) return part.render();
    const pair = part.page.render();
    onPage(part.page.document, pair.page);
    return pair.part;
  };
  return chunks.map((chunk, i) => ({
    name: chunks.length === 1 ? pack.path : `${pack.path} (part ${i + 1} of ${chunks.length})`,
    html: () => `${pack.head()}${chunk.map(render).join('')}</body>\n</html>\n`,
    // Longest first needs sizes before anything is rendered.
    size: copyLength * chunk.length,
    baseUrl: metadata.baseUrl,
    title: pack.title,
    date: metadata.date,
    tagged: false,
    // pack.ts writes the pack's own document information.
    pagesOnly: true,
  }));
}

/** A pack's copy that was written to a file of its own (--split). */
export interface SplitCopy {
  path: string;
  kind: string;
  pageCount: number;
}

/**
 * A pack written into its staged file as its chunks are printed: chunks
 * arrive in any order from the two tabs and are joined in pack order, each
 * as soon as those before it are in; per-copy files are cut as each chunk
 * is joined. Only chunks printed ahead of their turn are held.
 */
export class PackWriter {
  readonly #pack: PlannedPack;
  readonly #writer: OutputWriter;
  readonly #date: Date;
  readonly #chunks: PlannedPart[][];
  readonly #waiting = new Map<number, Uint8Array>();
  #next = 0;
  /** Joining runs one chunk at a time, whichever tab's chunk arrives. */
  #queue: Promise<void> = Promise.resolve();
  #file: StagedFile | undefined;
  #assembler: PackAssembler | undefined;
  readonly splits: SplitCopy[] = [];

  constructor(pack: PlannedPack, writer: OutputWriter, date: Date) {
    this.#pack = pack;
    this.#writer = writer;
    this.#date = date;
    this.#chunks = packChunking(pack).chunks;
  }

  get chunkCount(): number {
    return this.#chunks.length;
  }

  /** Takes chunk `index` as printed; resolves once every chunk it let through is joined. */
  add(index: number, pdf: Uint8Array): Promise<void> {
    this.#waiting.set(index, pdf);
    this.#queue = this.#queue.then(() => this.#joinReady());
    return this.#queue;
  }

  /** Ends the pack's file; every chunk must have been added. */
  async finish(): Promise<{ pageCount: number }> {
    await this.#queue;
    if (!this.#assembler || !this.#file || this.#next !== this.#chunks.length) {
      throw new Error(`${this.#pack.path}: chunks were lost`);
    }
    const result = await this.#assembler.finish();
    await this.#file.close();
    return result;
  }

  async #joinReady(): Promise<void> {
    for (let pdf = this.#waiting.get(this.#next); pdf; pdf = this.#waiting.get(this.#next)) {
      this.#waiting.delete(this.#next);
      const chunk = this.#chunks[this.#next]!;
      const assembler = await this.#open();
      const copies = await assembler.add({ pdf, parts: chunk.map((part) => part.name) });
      for (const [i, copy] of copies.entries()) {
        const split = chunk[i]!.split;
        if (!split || !copy.pdf) continue;
        await this.#writer.add(split.path, copy.pdf);
        this.splits.push({ path: split.path, kind: split.kind, pageCount: copy.pageCount });
      }
      this.#next += 1;
    }
  }

  async #open(): Promise<PackAssembler> {
    if (!this.#assembler) {
      const [{ PackAssembler }, { pageMargins }] = await Promise.all([
        import('../pdf/pack.js'),
        import('../pdf/page-margins.js'),
      ]);
      const file = await this.#writer.open(this.#pack.path);
      this.#file = file;
      const date = this.#date;
      this.#assembler = new PackAssembler((bytes) => file.write(bytes), {
        title: this.#pack.title,
        date,
        duplex: this.#pack.duplex,
        split: this.#pack.parts.map((part) => part.split && { title: part.split.title, date }),
        // A project's own layout may set other margins: the numbers go where its margin box would.
        margins: pageMargins(this.#pack.head()),
      });
    }
    return this.#assembler;
  }
}
