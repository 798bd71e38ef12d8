/**
 * Reading a PDF Chromium printed, at the byte level: its cross-reference
 * table gives each object's offset, objects are parsed only when asked for,
 * and stream data is handed on as bytes, never decoded. Chromium (Skia)
 * writes a classic cross-reference table and no object streams; a file
 * written otherwise is refused rather than half read.
 */
import { PdfDict, PdfRef, PdfSyntaxError, parseValue, type PdfValue } from './pdf-syntax.js';

export interface SourceObject {
  value: PdfValue;
  /** The stream's data as written (still compressed), for a stream object. */
  stream?: Uint8Array;
}

export interface SourcePage {
  /** The page object's number in the source file. */
  num: number;
  /** The page's dictionary, with attributes inherited from the page tree filled in. */
  dict: PdfDict;
}

/** Page attributes a page may inherit from its ancestors in the page tree. */
const INHERITED = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

export class PdfSource {
  readonly #bytes: Buffer;
  readonly #offsets = new Map<number, number>();
  /** Where each object may end at the latest: the next object's offset, or the table's. */
  readonly #ends = new Map<number, number>();
  readonly #cache = new Map<number, SourceObject>();
  readonly #trailer: PdfDict;

  constructor(bytes: Uint8Array) {
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#trailer = this.#readCrossReferences();
  }

  /** The object numbered `num`, parsed (once). */
  object(num: number): SourceObject {
    let found = this.#cache.get(num);
    if (!found) {
      found = this.#parseObject(num);
      this.#cache.set(num, found);
    }
    return found;
  }

  /** The value a reference points to, or the value itself. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value instanceof PdfRef ? this.object(value.num).value : value;
  }

  dict(value: PdfValue | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof PdfDict ? resolved : undefined;
  }

  get catalog(): PdfDict {
    const catalog = this.dict(this.#trailer.get('Root'));
    if (!catalog) throw new PdfSyntaxError('no document catalog', 0);
    return catalog;
  }

  /** Every page in order, walking the page tree. */
  pages(): SourcePage[] {
    const pages: SourcePage[] = [];
    const root = this.catalog.get('Pages');
    const walk = (
      ref: PdfValue | undefined,
      inherited: Map<string, PdfValue>,
      depth: number,
    ): void => {
      if (!(ref instanceof PdfRef) || depth > 64) throw new PdfSyntaxError('a broken page tree', 0);
      const node = this.dict(ref);
      if (!node) throw new PdfSyntaxError(`page tree node ${ref.num} is not a dictionary`, 0);
      const attributes = new Map(inherited);
      for (const key of INHERITED) {
        const value = node.get(key);
        if (value !== undefined) attributes.set(key, value);
      }
      if (node.get('Type') === '/Page') {
        const dict = new PdfDict(node.entries);
        for (const [key, value] of attributes) if (!dict.get(key)) dict.set(key, value);
        pages.push({ num: ref.num, dict });
        return;
      }
      const kids = this.resolve(node.get('Kids'));
      if (!Array.isArray(kids))
        throw new PdfSyntaxError(`page tree node ${ref.num} has no kids`, 0);
      for (const kid of kids) walk(kid, attributes, depth + 1);
    };
    walk(root, new Map(), 0);
    return pages;
  }

  /**
   * The page (object number) each named destination points to: Chromium
   * writes them in the catalog's /Dests dictionary as [page /XYZ left top zoom].
   */
  destinations(): Map<string, number> {
    const found = new Map<string, number>();
    const dests = this.dict(this.catalog.get('Dests'));
    for (const [name, value] of dests?.entries ?? []) {
      const target = this.resolve(value);
      const array = target instanceof PdfDict ? this.resolve(target.get('D')) : target;
      const page = Array.isArray(array) ? array[0] : undefined;
      if (page instanceof PdfRef) found.set(name, page.num);
    }
    return found;
  }

  /**
   * The bytes from `start` to `end` as text. latin1 maps each byte to one
   * character, so string indices are byte offsets from `start`. Only the
   * parts parsed are converted, never the stream data in between: a chunk
   * is megabytes, its dictionaries a few kilobytes.
   */
  #text(start: number, end = this.#bytes.length): string {
    return this.#bytes.toString('latin1', start, Math.min(end, this.#bytes.length));
  }

  #readCrossReferences(): PdfDict {
    if (this.#text(0, 5) !== '%PDF-') throw new PdfSyntaxError('no %PDF header', 0);
    const tail = this.#text(Math.max(0, this.#bytes.length - 64));
    const offset = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail)?.[1]);
    if (!Number.isInteger(offset) || offset >= this.#bytes.length) {
      throw new PdfSyntaxError('no startxref', this.#bytes.length);
    }
    // Offsets are relative to the table from here on.
    const text = this.#text(offset);
    if (!text.startsWith('xref')) {
      throw new PdfSyntaxError('not a classic cross-reference table (object streams?)', offset);
    }
    const trailerAt = text.indexOf('trailer');
    if (trailerAt === -1) throw new PdfSyntaxError('no trailer', offset);
    const lines = text
      .slice(4, trailerAt)
      .trim()
      .split(/\r\n|\r|\n/);
    let num = 0;
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      if (fields.length === 2) num = Number(fields[0]);
      else if (fields.length === 3) {
        if (fields[2] === 'n') this.#offsets.set(num, Number(fields[0]));
        num += 1;
      } else throw new PdfSyntaxError('a bad cross-reference entry', offset);
    }
    const [trailer] = parseValue(text, trailerAt + 'trailer'.length);
    if (!(trailer instanceof PdfDict))
      throw new PdfSyntaxError('a bad trailer', offset + trailerAt);
    if (trailer.get('Prev') !== undefined) {
      throw new PdfSyntaxError('an incrementally updated file', offset + trailerAt);
    }
    const starts = [...this.#offsets.values(), offset].sort((a, b) => a - b);
    starts.forEach((start, i) => this.#ends.set(start, starts[i + 1] ?? offset));
    return trailer;
  }

  #parseObject(num: number): SourceObject {
    const offset = this.#offsets.get(num);
    if (offset === undefined) throw new PdfSyntaxError(`object ${num} is missing`, 0);
    const end = this.#ends.get(offset)!;
    // A dictionary is short: read a few kilobytes, and the whole object only if they are not enough.
    try {
      return this.#parseObjectIn(num, offset, Math.min(end, offset + HEAD_BYTES));
    } catch (error) {
      if (end <= offset + HEAD_BYTES) throw error;
      return this.#parseObjectIn(num, offset, end);
    }
  }

  #parseObjectIn(num: number, offset: number, end: number): SourceObject {
    const text = this.#text(offset, end);
    const header = /(\d+)\s+(\d+)\s+obj\b/y;
    const match = header.exec(text);
    if (!match || Number(match[1]) !== num) {
      throw new PdfSyntaxError(`object ${num} is not where the table says`, offset);
    }
    const [value, after] = parseValue(text, header.lastIndex);
    const keyword = /\s*(stream\r?\n|endobj)/y;
    keyword.lastIndex = after;
    const ending = keyword.exec(text);
    if (!ending) throw new PdfSyntaxError(`object ${num} does not end`, offset + after);
    if (ending[1] === 'endobj') return { value };
    if (!(value instanceof PdfDict)) {
      throw new PdfSyntaxError('a stream without dictionary', offset + after);
    }
    const length = this.resolve(value.get('Length'));
    const start = offset + keyword.lastIndex;
    const size = Number(length);
    if (
      typeof length !== 'string' ||
      !Number.isInteger(size) ||
      start + size > this.#bytes.length
    ) {
      throw new PdfSyntaxError(`object ${num} has a bad stream length`, start);
    }
    return { value, stream: this.#bytes.subarray(start, start + size) };
  }
}

/** How much of an object is read first: any dictionary Chromium writes fits. */
const HEAD_BYTES = 4096;
