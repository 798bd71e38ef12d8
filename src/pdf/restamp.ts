/**
 * The fast way to make a Chromium PDF reproducible: overwrite its two
 * timestamps in place with a date of the same length, so no byte offset (and
 * no cross-reference entry) moves. Chromium (Skia) writes PDF 1.4 without
 * object streams, so the document information is plain text in the file.
 * Anything unexpected returns undefined and the caller rewrites the file
 * with pdf-lib instead: slower (pdf-lib takes about 0.35 s to load and
 * 20-200 ms per file here), never wrong.
 *
 * The file is searched as bytes, and only the few bytes around each match
 * are read as text: a pack's chunk is megabytes of fonts and page content,
 * and decoding it whole, to find a title and two dates, cost more than
 * everything else done with it before it is joined.
 */
import { pdfString } from './pdf-syntax.js';
import type { NormalizedPdf, PdfMetadata } from './types.js';

/** A date field's value, from the "(" on: `(D:YYYYMMDDHHmmSS...)`. */
const DATE_VALUE = /^\((D:\d{14}[^)]*)\)/;
const PAGE_TREE_COUNT = /^\/Count (\d+)/;
/** Enough of the file after a date field's name for any date Skia writes. */
const DATE_WINDOW = 64;

export function restampChromiumPdf(
  pdf: Uint8Array,
  { title, date }: PdfMetadata,
): NormalizedPdf | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  if (bytes.toString('latin1', 0, 5) !== '%PDF-' || bytes.indexOf('/ObjStm') !== -1)
    return undefined;
  if (!hasTitle(bytes, title)) return undefined;
  const stamp = `D:${compactUtc(date)}+00'00'`;
  const out = Buffer.from(pdf);
  for (const field of ['/CreationDate ', '/ModDate ']) {
    const values = occurrences(bytes, field).flatMap((at) => {
      const start = at + field.length;
      const value = DATE_VALUE.exec(bytes.toString('latin1', start, start + DATE_WINDOW))?.[1];
      return value === undefined ? [] : [{ at: start + 1, value }];
    });
    // Exactly one of each, as long as the stamp: anything else is left to pdf-lib.
    if (values.length !== 1 || values[0]!.value.length !== stamp.length) return undefined;
    out.write(stamp, values[0]!.at);
  }
  const pageCount = countPages(bytes);
  if (pageCount === undefined) return undefined;
  return { pdf: new Uint8Array(out.buffer, out.byteOffset, out.byteLength), pageCount };
}

/** Where `needle` starts in `bytes`, every time. */
function occurrences(bytes: Buffer, needle: string): number[] {
  const found: number[] = [];
  for (let at = bytes.indexOf(needle, 0); at !== -1;) {
    found.push(at);
    at = bytes.indexOf(needle, at + 1);
  }
  return found;
}

/**
 * The page tree's root has the largest /Count: it counts every page. Each
 * /Count (rare in the file, so quick to find, where "/Type /Pages" is
 * nearly every page's "/Type /Page") is taken if its dictionary is a page
 * tree node: Skia writes "<</Type /Pages\n/Count 60" with nothing between.
 */
export function countPages(bytes: Buffer): number | undefined {
  let most: number | undefined;
  for (const at of occurrences(bytes, '/Count ')) {
    const before = bytes.toString('latin1', Math.max(0, at - COUNT_LOOKBACK), at);
    const type = before.lastIndexOf('/Type /Pages');
    if (type === -1 || !PAGES_NODE.test(before.slice(type))) continue;
    const count = Number(PAGE_TREE_COUNT.exec(bytes.toString('latin1', at, at + 24))?.[1]);
    if (!Number.isInteger(count)) continue;
    most = most === undefined ? count : Math.max(most, count);
  }
  return most;
}

/** How far before a /Count its dictionary's /Type may be. */
const COUNT_LOOKBACK = 256;
/** "/Type /Pages" (the whole name) and then no end of the dictionary before the /Count. */
const PAGES_NODE = /^\/Type \/Pages(?![^\0\t\n\f\r ()<>[\]{}/%])[^>]*$/;

/** True if the file's /Title is exactly `title`, written the way Skia writes strings. */
function hasTitle(bytes: Buffer, title: string): boolean {
  const written = `/Title ${pdfString(title)}`;
  const at = bytes.indexOf(written, 0);
  if (at === -1 || bytes.indexOf(written, at + 1) !== -1) return false;
  // The next character must end the value, or "Quiz 1" would match "Quiz 10".
  const next = bytes[at + written.length];
  return next !== undefined && /^[\s/>]/.test(String.fromCharCode(next));
}

function compactUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('PDF date is not a valid date');
  // 2024-09-02T08:00:00.000Z -> 20240902080000
  return date.toISOString().slice(0, 19).replace(/[-:T]/g, '');
}
