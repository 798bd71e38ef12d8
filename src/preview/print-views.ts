/**
 * "Print view": a page as the PDF `handout build` would print, made on
 * demand so the teacher sees the real page breaks. PDFs are kept by a hash
 * of what was printed (HTML, title, date), so asking again for an unchanged
 * page costs nothing, and any edit that changes the page prints afresh.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { pdfDate } from '../produce/produce.js';
import type { LazyDocument } from '../produce/plan.js';
import type { RunPrinter } from '../produce/printer.js';
import { assetBytes, assetTable } from './assets.js';
import { ASSETS_DIR } from '../write/font-assets.js';

/** PDFs kept; a teacher flips between a handful of pages. */
const CACHE_SIZE = 24;

export class PrintViews {
  readonly #printer: Pick<RunPrinter, 'printAll'>;
  readonly #cache = new Map<string, Promise<Uint8Array>>();
  /** A folder laid out like out/ with the fonts in assets/, so printed pages find them. */
  #folder: Promise<string> | undefined;

  constructor(printer: Pick<RunPrinter, 'printAll'>) {
    this.#printer = printer;
  }

  /** The PDF of `doc`, whose current HTML is `html`. */
  pdf(doc: LazyDocument, html: string): Promise<Uint8Array> {
    const date = pdfDate(doc.dateSeed);
    const key = createHash('sha256')
      .update(`${doc.title}\u0000${date.toISOString()}\u0000${html}`)
      .digest('hex');
    let pdf = this.#cache.get(key);
    if (!pdf) {
      pdf = this.#print(doc, html, date);
      this.#cache.set(key, pdf);
      // A failed print is not kept: the next request tries again.
      pdf.catch(() => this.#cache.delete(key));
      while (this.#cache.size > CACHE_SIZE) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return pdf;
  }

  /** Removes the folder of fonts; the printer itself is closed by its owner. */
  async close(): Promise<void> {
    const folder = await this.#folder?.catch(() => undefined);
    if (folder) await rm(folder, { recursive: true, force: true });
  }

  async #print(doc: LazyDocument, html: string, date: Date): Promise<Uint8Array> {
    const folder = await (this.#folder ??= assetFolder());
    const [printed] = await this.#printer.printAll([
      {
        name: doc.path.replace(/\.html$/, '.pdf'),
        html,
        baseUrl: pathToFileURL(path.join(folder, path.posix.dirname(doc.path)) + path.sep).href,
        title: doc.title,
        date,
      },
    ]);
    return printed!.pdf;
  }
}

async function assetFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'handout-preview-'));
  for (const [name, asset] of assetTable()) {
    if (!name.startsWith(`${ASSETS_DIR}/`)) continue;
    const target = path.join(folder, name);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, await assetBytes(asset));
  }
  return folder;
}
