/**
 * QR symbols exactly as the qrcode package makes them (same modules, bit
 * for bit), for a fraction of its work. A class of 1,000 has 1,000 sheet
 * codes, and the package spent most of each one on two searches whose
 * answers this module finds faster:
 *
 * - the cheapest split of the text into numeric, alphanumeric and byte
 *   segments (a shortest path over every possible split). It depends only
 *   on which kind of character stands where, so it is found once per
 *   pattern of kinds ("HANDOUT1 quiz 2026 K7QF 1/1" and "... K3Q8 1/1"
 *   differ only in two places) and reused;
 * - the mask: the package applies each of the eight masks to its matrix,
 *   scores it with the standard's four penalty rules through a method call
 *   per module, and undoes it. Here the same rules are scored on a flat
 *   array, and the symbol is the package's with mask 0, masked again with
 *   the mask it would have chosen (the package is asked for one symbol,
 *   built with mask 0, also for a new pattern: its own search of the eight
 *   masks was most of the first copies' codes).
 *
 * tests/sheet/qr-symbol.test.ts compares every module with the package's
 * own output over thousands of texts.
 */
import type { QRCode, QRCodeSegment } from 'qrcode';
// The encoder alone: the package's entry point also loads its PNG and terminal
// renderers (pngjs and more), which a page's inline SVG never needs.
import { create } from 'qrcode/lib/core/qrcode.js';

export interface QrSymbol {
  /** Modules per side. */
  size: number;
  /** Row by row, 1 for a dark module. */
  modules: Uint8Array;
}

const LEVEL = 'M';

export function qrSymbol(text: string): QrSymbol {
  if (!/^[\x20-\x7e]+$/.test(text)) return symbolOf(create(text, { errorCorrectionLevel: LEVEL }));
  const segments = segmentsOf(text);
  // A new pattern: the package splits the text (the split does not depend on the mask).
  const first = create(segments ?? text, { errorCorrectionLevel: LEVEL, maskPattern: 0 });
  if (!segments) remember(text, first);
  const { size } = first.modules;
  return { size, modules: withBestMask(first.modules.data, first.modules.reservedBit, size) };
}

function symbolOf(qr: QRCode): QrSymbol {
  return { size: qr.modules.size, modules: qr.modules.data };
}

/** A segment of the text: [start, end) and its mode. */
type Split = { start: number; end: number; mode: 'numeric' | 'alphanumeric' | 'byte' }[];

/** The package's split of a text by the pattern of its character kinds. */
const splits = new Map<string, Split>();

/** Each printable ASCII character's kind: N numeric, A alphanumeric (the package's classes), B byte. */
const KINDS = Array.from({ length: 128 }, (_, code) => {
  const character = String.fromCharCode(code);
  return /[0-9]/.test(character) ? 'N' : /[A-Z $%*+\-./:]/.test(character) ? 'A' : 'B';
});

/** The pattern of character kinds of a printable ASCII text. */
function kindsOf(text: string): string {
  let kinds = '';
  for (let i = 0; i < text.length; i++) kinds += KINDS[text.charCodeAt(i)];
  return kinds;
}

/**
 * Keeps how the package split `text` into segments, for the texts of its
 * pattern. The split was made with mask 0: the package chooses the split
 * before the mask, and searching all eight masks (the cost of a symbol the
 * package makes alone) bought nothing here, as qrSymbol scores them itself.
 */
function remember(text: string, made: QRCode): void {
  const split: Split = [];
  let start = 0;
  for (const segment of made.segments) {
    const end = start + segment.getLength();
    split.push({ start, end, mode: MODES[segment.mode.id] });
    start = end;
  }
  // A class has a few dozen patterns; a bound keeps a very long run small.
  if (splits.size < 10_000) splits.set(kindsOf(text), split);
}

/**
 * The segments of a printable ASCII text as the package would split it, or
 * undefined while its pattern of kinds is new (see remember).
 */
function segmentsOf(text: string): QRCodeSegment[] | undefined {
  const split = splits.get(kindsOf(text));
  if (!split) return undefined;
  return split.map(({ start, end, mode }) => {
    const data = text.slice(start, end);
    return mode === 'byte' ? { mode, data: Buffer.from(data, 'latin1') } : { mode, data };
  });
}

const MODES = {
  Numeric: 'numeric',
  Alphanumeric: 'alphanumeric',
  Byte: 'byte',
  Kanji: 'byte',
} as const;

/** Whether mask `pattern` flips the module at (row, col): ISO/IEC 18004 table 10, as the package writes it. */
function flips(pattern: number, i: number, j: number): boolean {
  switch (pattern) {
    case 0:
      return (i + j) % 2 === 0;
    case 1:
      return i % 2 === 0;
    case 2:
      return j % 3 === 0;
    case 3:
      return (i + j) % 3 === 0;
    case 4:
      return (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0;
    case 5:
      return ((i * j) % 2) + ((i * j) % 3) === 0;
    case 6:
      return (((i * j) % 2) + ((i * j) % 3)) % 2 === 0;
    default:
      return (((i * j) % 3) + ((i + j) % 2)) % 2 === 0;
  }
}

/** Format information (error correction level M, each mask) as 15 bits: BCH(15,5), as the package computes it. */
function formatBits(mask: number): number {
  const G15 = 0b10100110111;
  const data = (0b00 << 3) | mask; // level M is 00
  let d = data << 10;
  const degree = (n: number) => 32 - Math.clz32(n);
  while (degree(d) - degree(G15) >= 0) d ^= G15 << (degree(d) - degree(G15));
  return ((data << 10) | d) ^ 0b101010000010010;
}

/** Writes the format information of `mask` where the package writes it (its setupFormatInfo). */
function writeFormat(matrix: Uint8Array, size: number, mask: number): void {
  const bits = formatBits(mask);
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const row = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    matrix[row * size + 8] = bit;
    const col = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    matrix[8 * size + col] = bit;
  }
  matrix[(size - 8) * size + 8] = 1;
}

/**
 * Which modules each mask flips, by symbol size: the eight patterns
 * limited to the data modules (not the reserved function modules, which
 * are the same for every symbol of a size), one byte per module.
 */
const flipTables = new Map<number, Uint8Array[]>();

function flipTable(reserved: Uint8Array, size: number): Uint8Array[] {
  let tables = flipTables.get(size);
  if (!tables) {
    tables = Array.from({ length: 8 }, (_, pattern) => {
      const table = new Uint8Array(size * size);
      for (let row = 0; row < size; row++)
        for (let col = 0; col < size; col++)
          table[row * size + col] = !reserved[row * size + col] && flips(pattern, row, col) ? 1 : 0;
      return table;
    });
    flipTables.set(size, tables);
  }
  return tables;
}

/**
 * The symbol with the mask the package would choose: the lowest total
 * penalty, the first such in pattern order. `masked0` is the symbol built
 * with mask 0, whose data modules are unmasked here and masked again with
 * each pattern; the chosen one is the package's symbol with that mask, its
 * format information included (building it again cost as much as scoring).
 */
function withBestMask(masked0: Uint8Array, reserved: Uint8Array, size: number): Uint8Array {
  const tables = flipTable(reserved, size);
  const plain = masked0.slice();
  const mask0 = tables[0]!;
  for (let at = 0; at < plain.length; at++) plain[at]! ^= mask0[at]!;
  const matrix = new Uint8Array(size * size);
  const transposed = new Uint8Array(size * size);
  let best = 0;
  let lowest = Infinity;
  for (let pattern = 0; pattern < 8; pattern++) {
    const table = tables[pattern]!;
    for (let at = 0; at < matrix.length; at++) matrix[at] = plain[at]! ^ table[at]!;
    writeFormat(matrix, size, pattern);
    const score = penalty(matrix, transposed, size);
    if (score < lowest) {
      lowest = score;
      best = pattern;
    }
  }
  const table = tables[best]!;
  for (let at = 0; at < matrix.length; at++) matrix[at] = plain[at]! ^ table[at]!;
  writeFormat(matrix, size, best);
  return matrix;
}

/** N1's points for a finished run of `n` same-coloured modules: 3 + (n - 5) from five on. */
const RUN_POINTS = Array.from({ length: 178 }, (_, n) => (n >= 5 ? n - 2 : 0));

/** N3's finder-like patterns, 1:1:3:1:1 with four light modules on one side, as 11 bits. */
const FINDER_LIKE = new Uint8Array(2048);
FINDER_LIKE[0x5d0] = 1;
FINDER_LIKE[0x05d] = 1;

/**
 * The four penalty rules, scoring exactly as the package does
 * (mask-pattern.js), written without data-dependent branches: on a
 * symbol's near-random modules those would be mispredicted half the time.
 * Columns are scored as the rows of the transposed matrix.
 */
function penalty(m: Uint8Array, transposed: Uint8Array, size: number): number {
  for (let row = 0; row < size; row++)
    for (let col = 0; col < size; col++) transposed[col * size + row] = m[row * size + col]!;
  // N1 (runs of five or more) and N3 (finder-like patterns) along rows, then columns.
  const lines = (matrix: Uint8Array): number => {
    let points = 0;
    let patterns = 0;
    for (let row = 0; row < size; row++) {
      const at = row * size;
      let previous = matrix[at]!;
      let run = 1;
      let bits = previous;
      for (let col = 1; col < size; col++) {
        const module = matrix[at + col]!;
        const same = 1 - (module ^ previous);
        points += (1 - same) * RUN_POINTS[run]!;
        run = run * same + 1;
        previous = module;
        bits = ((bits << 1) & 0x7ff) | module;
        if (col >= 10) patterns += FINDER_LIKE[bits]!;
      }
      points += RUN_POINTS[run]!;
    }
    return points + patterns * 40;
  };
  let points = lines(m) + lines(transposed);
  // N2: 2x2 blocks of one colour. N4: the share of dark modules away from half, in steps of 5%.
  let blocks = 0;
  for (let row = 0; row < size - 1; row++)
    for (let col = 0; col < size - 1; col++) {
      const at = row * size + col;
      blocks += ONE_COLOUR[m[at]! + m[at + 1]! + m[at + size]! + m[at + size + 1]!]!;
    }
  points += blocks * 3;
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i]!;
  return points + Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10) * 10;
}

/** N2: whether four modules summing to this are of one colour. */
const ONE_COLOUR = [1, 0, 0, 0, 1];
