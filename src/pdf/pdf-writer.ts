/**
 * Writing a PDF object by object into a sink (a staged file, or memory),
 * keeping only each object's offset: a pack of 1,000 copies is never held
 * whole. Objects may be written in any order once their number is
 * allocated; the cross-reference table and trailer come last. PDF 1.4
 * without object streams, as Chromium writes, so the same reader can open
 * what this writes.
 */
import { pdfDate, pdfString } from './pdf-syntax.js';
import type { PdfMetadata } from './types.js';

/** Where the bytes go; called with the file's bytes in order. */
export type PdfSink = (bytes: Uint8Array) => Promise<void>;

/** Bytes gathered before handing them to the sink: few large writes rather than many small ones. */
const FLUSH_AT = 1 << 20;

export class PdfWriter {
  readonly #sink: PdfSink;
  /** Offset of each object by number; undefined while allocated but not written. */
  readonly #offsets: (number | undefined)[] = [undefined];
  #pending: Uint8Array[] = [];
  #pendingBytes = 0;
  #written = 0;

  constructor(sink: PdfSink) {
    this.#sink = sink;
    // The comment of high bytes tells file transfer tools the file is binary.
    this.#push(Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  }

  /** A new object number, to refer to before the object is written. */
  allocate(): number {
    this.#offsets.push(undefined);
    return this.#offsets.length - 1;
  }

  /** Writes object `num`: `body` is its value as PDF text; `stream`, its stream data as is. */
  async write(num: number, body: string, stream?: Uint8Array): Promise<void> {
    if (this.#offsets[num] !== undefined || num >= this.#offsets.length || num < 1) {
      throw new RangeError(`object ${num} was not allocated, or written twice`);
    }
    this.#offsets[num] = this.#written;
    if (stream) {
      this.#push(Buffer.from(`${num} 0 obj\n${body}\nstream\n`, 'latin1'));
      this.#push(stream);
      this.#push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
    } else this.#push(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
    if (this.#pendingBytes >= FLUSH_AT) await this.#flush();
  }

  /** Allocates and writes in one step. */
  async add(body: string, stream?: Uint8Array): Promise<number> {
    const num = this.allocate();
    await this.write(num, body, stream);
    return num;
  }

  /**
   * Writes the document information (title, dates), the catalog for the
   * page tree `pages`, the cross-reference table and the trailer.
   */
  async end(pages: number, metadata: PdfMetadata): Promise<void> {
    const date = pdfDate(metadata.date);
    const info = await this.add(
      dictText({
        Title: pdfString(metadata.title),
        Creator: '(handout)',
        Producer: '(handout)',
        CreationDate: `(${date})`,
        ModDate: `(${date})`,
      }),
    );
    const catalog = await this.add(
      dictText({
        Type: '/Catalog',
        Pages: `${pages} 0 R`,
        // The title, not the file name, in the viewer's window.
        ViewerPreferences: '<</DisplayDocTitle true>>',
      }),
    );
    const missing = this.#offsets.findIndex((offset, num) => num > 0 && offset === undefined);
    if (missing !== -1) throw new RangeError(`object ${missing} was allocated but never written`);
    let table = `xref\n0 ${this.#offsets.length}\n0000000000 65535 f \n`;
    for (let num = 1; num < this.#offsets.length; num++) {
      table += `${String(this.#offsets[num]).padStart(10, '0')} 00000 n \n`;
    }
    const xref = this.#written;
    table += `trailer\n<</Size ${this.#offsets.length}\n/Root ${catalog} 0 R\n/Info ${info} 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    this.#push(Buffer.from(table, 'latin1'));
    await this.#flush();
  }

  #push(bytes: Uint8Array): void {
    this.#pending.push(bytes);
    this.#pendingBytes += bytes.length;
    this.#written += bytes.length;
  }

  async #flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const bytes = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#sink(bytes);
  }
}

/** A dictionary of values already written as PDF text. */
export function dictText(entries: Record<string, string>): string {
  return `<<${Object.entries(entries)
    .map(([key, value]) => `/${key} ${value}`)
    .join('\n')}>>`;
}

/** A sink that keeps the bytes, for small files (a copy cut from a pack). */
export function memorySink(): { sink: PdfSink; bytes: () => Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    sink: (bytes) => {
      parts.push(bytes);
      return Promise.resolve();
    },
    bytes: () => new Uint8Array(Buffer.concat(parts)),
  };
}
