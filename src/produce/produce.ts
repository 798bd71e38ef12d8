/**
 * Turns a plan into files: HTML as planned, PDFs printed in one batch by
 * the run's one printer, class packs merged from their parts, everything
 * handed to the one writer. The printer loads puppeteer only if the plan has
 * something to print.
 */
import type { Io } from '../terminal/io.js';
import type { OutputWriter } from '../write/writer.js';
import { pdfPath, type BuildPlan } from './plan.js';
import type { RunPrinter } from './printer.js';

export interface ProduceOptions {
  io: Io;
  /** The run's printer, owned by the frame (see withRunPrinter). */
  printer: RunPrinter;
}

export interface ProduceResult {
  /** Output path → kind, for the summary table. */
  kinds: Map<string, string>;
  /** PDF path → page count. */
  pages: Map<string, number>;
}

/** PDF dates stand for "now" but must not depend on the clock: derived from the seed. */
export function pdfDate(seed: number): Date {
  return new Date(Date.UTC(2000, 0, 1) + (seed % 1_000_000) * 1000);
}

export async function produce(
  plan: BuildPlan,
  writer: OutputWriter,
  options: ProduceOptions,
): Promise<ProduceResult> {
  const kinds = new Map<string, string>();
  const pages = new Map<string, number>();
  // Pages refer to the fonts in out/assets; exports alone need none.
  if (plan.documents.length > 0) await writer.addAssets();
  for (const doc of plan.documents) {
    if (doc.writeHtml) {
      await writer.add(doc.path, doc.html);
      kinds.set(doc.path, `${doc.kind} (html)`);
    }
  }
  for (const file of plan.files) {
    await writer.add(file.path, file.data);
    kinds.set(file.path, file.kind);
  }
  const inPacks = new Set(plan.packs.flatMap((p) => p.parts));
  const toPrint = plan.documents.filter((d) => d.writePdf || inPacks.has(d.path));
  if (toPrint.length === 0) return { kinds, pages };

  const { mergePdfs } = await import('../pdf/merge.js');
  const printed = await options.printer.printAll(
    toPrint.map((doc) => ({
      name: pdfPath(doc.path),
      html: doc.html,
      baseUrl: writer.stagedUrl(doc.path.split('/').slice(0, -1).join('/')),
      title: doc.title,
      date: pdfDate(doc.dateSeed),
    })),
  );
  const printedByPath = new Map(toPrint.map((doc, i) => [doc.path, printed[i]!]));
  const pdfs = new Map(toPrint.map((doc, i) => [doc.path, printed[i]!.pdf]));
  reportBlocked(printed, options.io);
  for (const doc of toPrint) {
    if (!doc.writePdf) continue;
    const pdf = pdfs.get(doc.path)!;
    await writer.add(pdfPath(doc.path), pdf);
    kinds.set(pdfPath(doc.path), `${doc.kind} (pdf)`);
    pages.set(pdfPath(doc.path), printedByPath.get(doc.path)!.pageCount);
  }
  for (const pack of plan.packs) {
    const merged = await mergePdfs(
      pack.parts.map((part) => pdfs.get(part)!),
      { title: pack.title, date: pdfDate(pack.dateSeed), duplex: pack.duplex },
    );
    await writer.add(pack.path, merged.pdf);
    kinds.set(pack.path, pack.kind);
    pages.set(pack.path, merged.pageCount);
  }
  return { kinds, pages };
}

/**
 * Printing is offline: anything a page refers to on the network (an image
 * URL in a question, say) is refused. Say so, once per URL, so the teacher
 * knows why it is missing from the PDF.
 */
function reportBlocked(printed: { name: string; blockedUrls: string[] }[], io: Io): void {
  const where = new Map<string, string[]>();
  for (const pdf of printed)
    for (const url of pdf.blockedUrls) where.set(url, [...(where.get(url) ?? []), pdf.name]);
  for (const [url, names] of where) {
    io.stderr(
      `warning: ${url} was not loaded (PDFs are printed offline, without network access); it is missing from ${names.length === 1 ? names[0] : `${names.length} PDFs`}. Save the file in the project and refer to it by a local path instead.\n`,
    );
  }
}
