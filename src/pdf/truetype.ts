/**
 * Just enough of a TrueType font to embed it in a PDF as a simple font:
 * the WOFF file unwrapped back into the TrueType file it packs (each table
 * inflated with zlib), and the metrics a PDF font dictionary declares. What
 * the page numbers need, without loading a font engine (fontkit took about
 * a second of a class pack's CPU time, most of it to subset the face).
 */
import { inflateSync } from 'node:zlib';

export interface TrueTypeFont {
  /** The TrueType (sfnt) file, as a PDF's FontFile2 holds it. */
  file: Uint8Array;
  /** PostScript name (name ID 6), e.g. NotoSans-Regular. */
  postScriptName: string;
  /** Metrics in PDF glyph space: thousandths of the em. */
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  /** Advance width of a character's glyph, in thousandths of the em (0 for a character the face lacks). */
  advance(char: string): number;
}

class FontFormatError extends Error {
  constructor(problem: string) {
    super(`not a font handout can embed: ${problem}`);
    this.name = 'FontFormatError';
  }
}

/** The TrueType file a WOFF (1.0) file wraps. */
export function woffToTrueType(woff: Uint8Array): Uint8Array {
  const data = view(woff);
  if (woff.length < 44 || data.getUint32(0) !== 0x774f4646)
    throw new FontFormatError('no wOFF signature');
  const flavor = data.getUint32(4);
  const count = data.getUint16(12);
  const tables: { tag: number; checksum: number; bytes: Uint8Array }[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const offset = data.getUint32(entry + 4);
    const compressed = data.getUint32(entry + 8);
    const original = data.getUint32(entry + 12);
    const stored = woff.subarray(offset, offset + compressed);
    const bytes = compressed < original ? new Uint8Array(inflateSync(stored)) : stored;
    if (bytes.length !== original) throw new FontFormatError('a table has the wrong length');
    tables.push({ tag: data.getUint32(entry), checksum: data.getUint32(entry + 16), bytes });
  }
  // The sfnt directory lists tables sorted by tag; WOFF keeps that order, but do not rely on it.
  tables.sort((a, b) => a.tag - b.tag);
  const pad = (n: number) => (n + 3) & ~3;
  const headerSize = 12 + count * 16;
  const size = tables.reduce((n, t) => n + pad(t.bytes.length), headerSize);
  const out = new Uint8Array(size);
  const sfnt = view(out);
  const power = 2 ** Math.floor(Math.log2(count));
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, count);
  sfnt.setUint16(6, power * 16);
  sfnt.setUint16(8, Math.log2(power));
  sfnt.setUint16(10, count * 16 - power * 16);
  let at = headerSize;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    sfnt.setUint32(record, table.tag);
    sfnt.setUint32(record + 4, table.checksum);
    sfnt.setUint32(record + 8, at);
    sfnt.setUint32(record + 12, table.bytes.length);
    out.set(table.bytes, at);
    at += pad(table.bytes.length);
  });
  return out;
}

/** Reads the metrics of a TrueType file. */
export function readTrueType(file: Uint8Array): TrueTypeFont {
  const tables = tableDirectory(file);
  const table = (tag: string): DataView => {
    const found = tables.get(tag);
    if (!found) throw new FontFormatError(`no ${tag} table`);
    return found;
  };
  const head = table('head');
  const unitsPerEm = head.getUint16(18);
  const scale = (units: number) => Math.round((units * 1000) / unitsPerEm);
  const hhea = table('hhea');
  const os2 = tables.get('OS/2');
  const post = table('post');
  const advances = horizontalAdvances(table('hmtx'), hhea.getUint16(34));
  const glyphs = characterMap(table('cmap'));
  return {
    file,
    postScriptName: postScriptName(table('name')),
    bbox: [
      scale(head.getInt16(36)),
      scale(head.getInt16(38)),
      scale(head.getInt16(40)),
      scale(head.getInt16(42)),
    ],
    ascent: scale(hhea.getInt16(4)),
    descent: scale(hhea.getInt16(6)),
    // sCapHeight exists from OS/2 version 2; the ascent is the usual stand-in before that.
    capHeight: scale(os2 && os2.getUint16(0) >= 2 ? os2.getInt16(88) : hhea.getInt16(4)),
    italicAngle: post.getInt32(4) / 65536,
    advance(char) {
      const glyph = glyphs(char.codePointAt(0) ?? 0);
      if (glyph === 0) return 0;
      return scale(advances[Math.min(glyph, advances.length - 1)] ?? 0);
    },
  };
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function tableDirectory(file: Uint8Array): Map<string, DataView> {
  const data = view(file);
  const count = data.getUint16(4);
  const tables = new Map<string, DataView>();
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...file.subarray(record, record + 4));
    const offset = data.getUint32(record + 8);
    const length = data.getUint32(record + 12);
    if (offset + length > file.length) throw new FontFormatError(`the ${tag} table is cut short`);
    tables.set(tag, view(file.subarray(offset, offset + length)));
  }
  return tables;
}

/** Advance widths by glyph id, in font units (glyphs past numberOfHMetrics share the last). */
function horizontalAdvances(hmtx: DataView, count: number): number[] {
  return Array.from({ length: count }, (_, i) => hmtx.getUint16(i * 4));
}

/** Glyph id of a Unicode code point, from the (3,1) or (0,x) format 4 subtable. */
function characterMap(cmap: DataView): (codePoint: number) => number {
  const count = cmap.getUint16(2);
  for (let i = 0; i < count; i++) {
    const platform = cmap.getUint16(4 + i * 8);
    const encoding = cmap.getUint16(6 + i * 8);
    const offset = cmap.getUint32(8 + i * 8);
    const unicode = (platform === 3 && encoding === 1) || platform === 0;
    if (unicode && cmap.getUint16(offset) === 4) return format4(cmap, offset);
  }
  throw new FontFormatError('no Unicode character map of format 4');
}

function format4(cmap: DataView, table: number): (codePoint: number) => number {
  const segments = cmap.getUint16(table + 6) / 2;
  const ends = table + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  return (code) => {
    if (code > 0xffff) return 0;
    for (let s = 0; s < segments; s++) {
      if (code > cmap.getUint16(ends + s * 2)) continue;
      const start = cmap.getUint16(starts + s * 2);
      if (code < start) return 0;
      const delta = cmap.getInt16(deltas + s * 2);
      const rangeOffset = cmap.getUint16(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      // The offset counts from the idRangeOffset entry itself, in bytes.
      const glyph = cmap.getUint16(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

/** Name ID 6 from a Windows (UTF-16BE) or Macintosh (Roman) record. */
function postScriptName(name: DataView): string {
  const count = name.getUint16(2);
  const strings = name.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 6 + i * 12;
    if (name.getUint16(record + 6) !== 6) continue;
    const platform = name.getUint16(record);
    const length = name.getUint16(record + 8);
    const offset = strings + name.getUint16(record + 10);
    const bytes = new Uint8Array(name.buffer, name.byteOffset + offset, length);
    const text =
      platform === 3
        ? String.fromCharCode(
            ...Array.from({ length: length / 2 }, (_, j) => name.getUint16(offset + j * 2)),
          )
        : String.fromCharCode(...bytes);
    // A PDF name must not contain delimiters or spaces.
    return text.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '');
  }
  throw new FontFormatError('no PostScript name');
}
