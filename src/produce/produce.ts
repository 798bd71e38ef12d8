/**
 * Turns a plan into files: HTML as planned, PDFs printed in one batch by
 * the run's one printer (class packs as a few large documents, see
 * print-packs.ts, with per-copy files cut from them), everything handed to
 * the one writer. The printer loads puppeteer only if the plan has
 * something to print.
 */
import type { Io } from '../terminal/io.js';
import type { OutputWriter } from '../write/writer.js';
import path from 'node:path';
import type { PrintJob } from '../pdf/print-jobs.js';
import { pdfPath, type BuildPlan, type PlannedDocument } from './plan.js';
import { pageCharacters } from '../render/fonts.js';
import type { RunPrinter } from './printer.js';
import { PackWriter, packPrintJobs } from './print-packs.js';
import { forEachLimited } from '../util/parallel.js';

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

/** Files written at once: enough to keep the disk busy, few enough to stay far from the open-files limit. */
const WRITES_AT_ONCE = 16;

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
  const withAssets = plan.documents.length > 0 || plan.batches.length > 0 || plan.packs.length > 0;
  if (withAssets) writer.stageCommonFonts();
  // The documents to print are rendered first, and printed (with the packs)
  // while the other pages are rendered and written: the browser need not
  // wait for pages it never prints (a class's 60 copies and keys as HTML).
  // Those are rendered only once the browser has its first documents:
  // rendering them on Node's one thread meanwhile held up every step of
  // the way there (the fonts staged, the tabs opened, the chunks rendered
  // and handed over), so that printing started only after the last page
  // was written.
  const singles = plan.documents.filter((d) => d.writePdf);
  const toPrint = new Map<PlannedDocument, string>();
  const characters = new Set<number>();
  // Pages rendered with their parts in a pack (PlannedPart.page) are written as the pack is printed.
  const withPacks = new Set(
    plan.packs.flatMap((pack) => pack.parts.flatMap((part) => part.page?.document ?? [])),
  );
  const packPages: Promise<void>[] = [];
  for (const doc of singles) {
    const html = doc.render();
    pageCharacters(html, characters);
    toPrint.set(doc, html);
  }
  // Other threads write their pages meanwhile (a large class's, see class-pages.ts).
  for (const batch of plan.batches) writer.stopOnAbort(() => batch.stop());
  const batches = plan.batches.map((batch) => batch.run(writer.stagingFolder));
  // Awaited after this thread's pages; a failure meanwhile must not count as unhandled.
  for (const batch of batches) batch.catch(() => undefined);
  // Pictures the pages show are staged before any page is printed.
  for (const file of plan.files) kinds.set(file.path, file.kind);
  await forEachLimited(plan.files, WRITES_AT_ONCE, async (file) =>
    writer.add(file.path, typeof file.data === 'function' ? await file.data() : file.data),
  );
  const writePages = async (): Promise<void> => {
    // Each page is rendered and written in turn, not all held at once.
    await forEachLimited(plan.documents, WRITES_AT_ONCE, async (doc) => {
      if (withPacks.has(doc) || doc.claim?.() === false) return;
      let html = toPrint.get(doc);
      if (html === undefined) {
        html = doc.render();
        pageCharacters(html, characters);
      }
      if (!doc.writeHtml) return;
      kinds.set(doc.path, `${doc.kind} (html)`);
      await writer.add(doc.path, html);
    });
    for (const written of await Promise.all(batches)) {
      writer.adopt(written.files);
      for (const file of written.files) kinds.set(file.path, `${file.kind} (html)`);
      for (const c of written.characters) characters.add(c);
    }
  };
  // The stylesheet for every page written, the one out/ keeps.
  const addAssets = async () => {
    if (withAssets) await writer.addAssets(characters);
  };
  if (singles.length === 0 && plan.packs.length === 0) {
    await writePages();
    await addAssets();
    return { kinds, pages };
  }
  await writer.coverCharacters(characters);

  const folderUrl = (file: string) => writer.stagedUrl(path.posix.dirname(file));
  const singleJobs: PrintJob[] = singles.map((doc) => ({
    name: pdfPath(doc.path),
    html: toPrint.get(doc)!,
    baseUrl: folderUrl(doc.path),
    title: doc.title,
    date: pdfDate(doc.dateSeed),
  }));
  const packs = plan.packs.map((pack) => {
    const date = pdfDate(pack.dateSeed);
    const writePage = (doc: PlannedDocument, html: string) => {
      pageCharacters(html, characters);
      kinds.set(doc.path, `${doc.kind} (html)`);
      const written = writer.add(doc.path, html);
      // A page that cannot be written fails the run (below): printing stops now.
      written.catch(() => options.printer.done());
      packPages.push(written);
    };
    const jobs = packPrintJobs(pack, { baseUrl: folderUrl(pack.path), date }, writePage).map(
      (job) => ({
        ...job,
        // A chunk's characters are known once it is rendered: their fonts are staged before it prints.
        html: async () => {
          const html = typeof job.html === 'string' ? job.html : await job.html();
          await writer.coverCharacters(pageCharacters(html));
          return html;
        },
      }),
    );
    return { pack, jobs, output: new PackWriter(pack, writer, date) };
  });
  // Which pack and chunk each job prints, after the single documents.
  const chunkOf = packs.flatMap(({ jobs, output }) => jobs.map((_, chunk) => ({ output, chunk })));
  const blocked: { name: string; blockedUrls: string[] }[] = [];
  // Each PDF is written (or joined into its pack) as soon as it is printed: none is held to the end.
  let browserBusy = (): void => undefined;
  const busy = new Promise<void>((resolve) => (browserBusy = resolve));
  const printing = options.printer.printEach(
    [...singleJobs, ...packs.flatMap(({ jobs }) => jobs)],
    async (index, printed) => {
      blocked[index] = { name: printed.name, blockedUrls: printed.blockedUrls };
      const doc = singles[index];
      if (!doc) {
        const { output, chunk } = chunkOf[index - singles.length]!;
        await output.add(chunk, printed.pdf);
        return;
      }
      const pdf = doc.sheetOnRecto
        ? await (await import('../pdf/sheet-recto.js')).sheetOnRecto(printed.pdf)
        : printed.pdf;
      await writer.add(pdfPath(doc.path), pdf);
      kinds.set(pdfPath(doc.path), `${doc.kind} (pdf)`);
      pages.set(pdfPath(doc.path), printed.pageCount + (pdf === printed.pdf ? 0 : 1));
    },
    browserBusy,
  );
  // Printing that ends (or fails) before any tab got a document must not leave the pages unwritten.
  printing.then(browserBusy, browserBusy);
  const writing = busy.then(writePages);
  // A page that cannot be written fails the run: printing stops too.
  writing.catch(() => options.printer.done());
  const [written, print] = await Promise.allSettled([writing, printing]);
  // Every page write started is over, even when the run fails, before its folder is removed.
  const pageFailed = (await Promise.allSettled(packPages)).find((p) => p.status === 'rejected');
  if (written.status === 'rejected') throw written.reason;
  if (print.status === 'rejected') throw print.reason;
  if (pageFailed) throw pageFailed.reason;
  options.printer.done();
  await addAssets();
  reportBlocked(blocked.filter(Boolean), options.io);
  for (const { pack, output } of packs) {
    const assembled = await output.finish();
    kinds.set(pack.path, pack.kind);
    pages.set(pack.path, assembled.pageCount);
    for (const split of output.splits) {
      kinds.set(split.path, split.kind);
      pages.set(split.path, split.pageCount);
    }
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
