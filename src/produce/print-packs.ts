/**
 * Class packs printed as few documents: a pack's copies are concatenated
 * into chunks of about CHUNK_COPIES copies, each printed untagged with one
 * page.pdf call, then joined as they come (per-copy page numbers, duplex
 * blanks, split files) by pdf/pack.ts into the pack's file. Chunks keep Chromium's memory the same for 30 or
 * 1,000 students, and give both tabs work even when a run has one pack.
 */
import type { PackAssembler } from '../pdf/pack.js';
import type { PrintJob } from '../pdf/printer.js';
import type { OutputWriter, StagedFile } from '../write/writer.js';
import type { PlannedPack, PlannedPart } from './plan.js';

/**
 * Copies per printed document. Ten copies of a twenty-question quiz are
 * about 50 pages: large enough that the cost per document (about 0.1 s)
 * hardly counts, small enough that a 30-student pack splits across two tabs
 * and that a tab's renderer stays small: the renderer's memory follows the
 * size of the document it prints (chunks of 16 copies cost about 70 MB more
 * at the peak, for no less CPU time).
 */
export const CHUNK_COPIES = 10;

/** The pack's parts split into chunks of nearly equal size, at most CHUNK_COPIES each, at least two when there is enough to share. */
export function packChunks<T>(parts: readonly T[]): T[][] {
  if (parts.length === 0) return [];
  const count = Math.max(Math.ceil(parts.length / CHUNK_COPIES), parts.length >= 4 ? 2 : 1);
  const size = Math.ceil(parts.length / count);
  const chunks: T[][] = [];
  for (let start = 0; start < parts.length; start += size)
    chunks.push(parts.slice(start, start + size));
  return chunks;
}

/**
 * One print job per chunk: the pack's head, then each copy on its own named
 * pages. Each chunk's HTML is rendered only when its turn to print comes.
 */
export function packPrintJobs(
  pack: PlannedPack,
  metadata: { baseUrl: string; date: Date },
): PrintJob[] {
  const chunks = packChunks(pack.parts);
  // Longest first needs sizes before anything is rendered: one copy stands for the others.
  let copySize: number | undefined;
  const size = (copies: number) => (copySize ??= pack.parts[0]!.render().length) * copies;
  return chunks.map((chunk, i) => ({
    name: chunks.length === 1 ? pack.path : `${pack.path} (part ${i + 1} of ${chunks.length})`,
    html: () => `${pack.head()}${chunk.map((part) => part.render()).join('')}</body>\n</html>\n`,
    get size() {
      return size(chunk.length);
    },
    baseUrl: metadata.baseUrl,
    title: pack.title,
    date: metadata.date,
    tagged: false,
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
    this.#chunks = packChunks(pack.parts);
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
