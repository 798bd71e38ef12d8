/**
 * A build plan: every document a run will produce, before anything is
 * printed or written. Stages add documents and packs; `produce` prints and
 * hands everything to the one writer.
 */
import path from 'node:path';
import type { PagePair } from '../render/page.js';

export type OutputFormat = 'html' | 'pdf';

export interface PlannedDocument {
  /** Output path of the HTML, relative to out/, ending in .html; the PDF sits beside it. */
  path: string;
  /**
   * Renders the HTML. Documents are rendered only when they are written or
   * printed (a class of 1,000 is 60 MB of HTML, which need not be held at
   * once), and the preview renders only the page a browser asks for.
   */
  render(): string;
  /** PDF document title. */
  title: string;
  /** Write the .html file. */
  writeHtml: boolean;
  /** Write the .pdf file beside it (a pack part may be printed without being written). */
  writePdf: boolean;
  /** Seed (or other input) the PDF's dates are derived from. */
  dateSeed: number;
  /** Kind, for the summary table: "quiz", "key", "briefing"... */
  kind: string;
  /** Printed double-sided: its answer sheet must start on a right-hand page (pdf/pack.ts). */
  sheetOnRecto?: boolean;
  /**
   * Whether this thread is to render and write the page, asked just before
   * it would: a page another thread may write instead (a large class's own
   * pages, see class-pages.ts) is skipped when that thread took it first.
   */
  claim?: () => boolean;
}

/**
 * Copies printed together as one PDF (a class pack, the class keys): the
 * pack's <head>, then each copy's body on its own named pages
 * (templates/layout.njk). They are printed in a few large documents, not
 * one per copy, and per-copy files are cut from the printed pages.
 */
export interface PlannedPack {
  /** Output path of the combined PDF, relative to out/. */
  path: string;
  title: string;
  /** Renders the pack document's <head>, from its first copy. */
  head: () => string;
  parts: PlannedPart[];
  duplex: boolean;
  dateSeed: number;
  kind: string;
}

export interface PlannedPart {
  /** Page name, unique in its pack; also the id Chromium marks its first page with. */
  name: string;
  /** Renders the copy's body as a part (see PagePart): only when the pack is printed. */
  render: () => string;
  /**
   * The copy's own HTML page, one of the plan's documents, when it is
   * written too: rendered with the part (one render makes both, see
   * render/page.ts renderPair), and written as the pack is printed instead
   * of on its own. A page written ahead of printing would hold its part
   * until its chunk prints: for 1,000 students, hundreds of copies.
   */
  page?: { document: PlannedDocument; render: () => PagePair };
  /** Also write this copy's own PDF, cut from the printed pack. */
  split?: { path: string; title: string; kind: string };
}

export interface PlannedFile {
  path: string;
  /** The bytes, or how to load them when the file is written (a picture waiting on disk). */
  data: string | Uint8Array | (() => Promise<Uint8Array>);
  kind: string;
}

/**
 * Pages rendered and written by another thread (half of a large class's
 * own pages, see class-pages.ts), straight into the run's staging folder.
 */
export interface PlannedBatch {
  /** Writes the pages into `staging`; resolves to what was written and the characters used. */
  run(staging: string): Promise<{
    files: { path: string; bytes: number; sha256: string; kind: string }[];
    characters: number[];
  }>;
  /** Stops the thread (the run failed or was interrupted); nothing more is written. */
  stop(): Promise<void>;
}

/**
 * Files of out/ a run owns: in `folder` (not below it), those whose names
 * match `names`, the names handout gives the documents of one quiz,
 * briefing or export there. Once the run commits, they are exactly the
 * ones it wrote: an earlier run's version C, PDF or booklet that this run
 * did not make is removed and named in the summary (unless `silent`:
 * review pictures, which no one prints). Files of other names (the
 * teacher's own, another mode's) are never touched. See OutputWriter.own.
 */
export interface OwnedFiles {
  folder: string;
  names: RegExp;
  silent?: boolean;
}

export interface BuildPlan {
  documents: PlannedDocument[];
  packs: PlannedPack[];
  batches: PlannedBatch[];
  files: PlannedFile[];
  /** Seed used per quiz, for the manifest. */
  seeds: Record<string, number>;
  /** Things the teacher should know (a format that cannot carry a question type...). */
  warnings: string[];
  /** Files of out/ that hold exactly what this run writes of them (see OwnedFiles). */
  owned: OwnedFiles[];
  /** Files an earlier run wrote for what the project no longer has, removed at commit (retired.ts). */
  retired?: RetiredFile[];
}

/** A file of out/ as an earlier run's manifest lists it. */
export interface RetiredFile {
  /** Relative to out/, with forward slashes. */
  path: string;
  /** What that run wrote there: a file changed since is not removed. */
  sha256: string;
}

/** Older names of the same types: every planned document is rendered when asked for. */
export type LazyDocument = PlannedDocument;
export type LazyPlan = BuildPlan;

export function emptyLazyPlan(): LazyPlan {
  return emptyPlan();
}

export function emptyPlan(): BuildPlan {
  return { documents: [], packs: [], batches: [], files: [], seeds: {}, warnings: [], owned: [] };
}

export function mergePlans(plans: BuildPlan[]): BuildPlan {
  return {
    documents: plans.flatMap((p) => p.documents),
    packs: plans.flatMap((p) => p.packs),
    batches: plans.flatMap((p) => p.batches),
    files: plans.flatMap((p) => p.files),
    seeds: Object.assign({}, ...plans.map((p) => p.seeds)) as Record<string, number>,
    warnings: plans.flatMap((p) => p.warnings),
    owned: plans.flatMap((p) => p.owned),
  };
}

/** URL of out/assets as seen from a document at `documentPath`. */
export function assetsUrlFor(documentPath: string): string {
  return path.posix.relative(path.posix.dirname(documentPath), 'assets') || '.';
}

/**
 * OwnedFiles.names for documents written as .html and .pdf: `bases` are
 * patterns of the names before the extension.
 */
export function documentNames(...bases: string[]): RegExp {
  return new RegExp(`^(?:${bases.join('|')})\\.(?:html|pdf)$`);
}

/** `text` matched literally inside a pattern (an id in a file name). */
export function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function pdfPath(htmlPath: string): string {
  return htmlPath.replace(/\.html$/, '.pdf');
}

/** A student id made safe for a file name; the row keeps it unique. */
export function fileSafe(text: string): string {
  const safe = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '');
  return safe.slice(0, 60) || 'copy';
}
