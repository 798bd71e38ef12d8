/**
 * Class packs printed as few documents: a pack's copies are concatenated
 * into chunks of about CHUNK_COPIES copies, each printed untagged with one
 * page.pdf call, then assembled (per-copy page numbers, duplex blanks, split
 * files) by pdf/pack.ts. Chunks keep Chromium's memory the same for 30 or
 * 1,000 students, and give both tabs work even when a run has one pack.
 */
import type { PrintJob, PrintedPdf } from '../pdf/printer.js';
import type { PlannedPack } from './plan.js';

/**
 * Copies per printed document. Fifteen copies of a twenty-question quiz are
 * about 75 pages: large enough that the cost per document (about 0.1 s)
 * hardly counts, small enough that a 30-student pack splits across two tabs.
 */
export const CHUNK_COPIES = 16;

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

/** One print job per chunk: the pack's head, then each copy on its own named pages. */
export function packPrintJobs(
  pack: PlannedPack,
  metadata: { baseUrl: string; date: Date },
): PrintJob[] {
  const chunks = packChunks(pack.parts);
  return chunks.map((chunk, i) => ({
    name: chunks.length === 1 ? pack.path : `${pack.path} (part ${i + 1} of ${chunks.length})`,
    html: `${pack.head()}${chunk.map((part) => part.render()).join('')}</body>\n</html>\n`,
    baseUrl: metadata.baseUrl,
    title: pack.title,
    date: metadata.date,
    tagged: false,
  }));
}

/** The printed chunks of a pack, with the page names of the copies each holds. */
export function printedChunks(
  pack: PlannedPack,
  printed: readonly PrintedPdf[],
): { pdf: Uint8Array; parts: string[] }[] {
  const chunks = packChunks(pack.parts);
  if (chunks.length !== printed.length) throw new Error(`${pack.path}: chunks were lost`);
  return chunks.map((chunk, i) => ({
    pdf: printed[i]!.pdf,
    parts: chunk.map((part) => part.name),
  }));
}
