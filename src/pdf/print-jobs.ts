/**
 * What a printer is asked to print and what it gives back: the jobs, the
 * PDFs, the failures, and the order jobs are taken in. Callers that only
 * plan or hand on PDFs (produce/) need these without loading the browser
 * (printer.ts).
 */
import { HandoutError } from '../errors.js';
import { plural } from '../util/text.js';
import type { PageJob } from './job-page.js';
import type { PdfMetadata } from './types.js';

export interface PrintJob extends Omit<PageJob, 'html' | 'title'>, PdfMetadata {
  /** How the job is named in progress and error messages, e.g. its output file. */
  name: string;
  /**
   * The document, or a function that renders it when the job's turn to
   * print comes: the chunks of a 1,000-copy pack are not all held at once.
   */
  html: string | (() => string | Promise<string>);
  /** Stands for the print time when ordering jobs longest first; the HTML's length by default. */
  size?: number;
  /**
   * The caller writes a new file from the PDF's pages (a pack's chunk, see
   * pack.ts), so nothing of its document information (title, dates) reaches
   * a file: it is handed on as printed, its pages counted, and `title` and
   * `date` are not set in it.
   */
  pagesOnly?: boolean;
}

export interface PrintedPdf {
  name: string;
  pdf: Uint8Array;
  pageCount: number;
  /** URLs the document referred to but was not allowed to load (remote, or outside fileRoots). */
  blockedUrls: string[];
}

export interface PrintFailure {
  name: string;
  reason: string;
}

export interface PrinterOptions {
  /** A browser the user named; otherwise findChromium searches. */
  executablePath?: string;
  env: Record<string, string | undefined>;
  /** Tabs printing at once. Default 2: more does not help on two cores. */
  concurrency?: number;
  /** Limit for each step: starting the browser, loading a page, printing it. Default 30 s. */
  timeoutMs?: number;
  /**
   * Limit for loading a page, if it should be shorter than `timeoutMs`: a
   * page only reads local files, so one that takes long is stuck (a file
   * that never finishes reading), while starting the browser and printing
   * a long document on a busy machine are merely slow.
   */
  loadTimeoutMs?: number;
  /** Folders whose files pages may load (besides each job's own folder); default: any local file. */
  fileRoots?: readonly string[];
  /** Called as each job finishes, successfully or not. */
  onProgress?: (done: number, total: number, name: string) => void;
  /** Io.onInterrupt: the browser is closed on Ctrl-C. */
  onInterrupt?: (cleanup: () => Promise<void>) => () => void;
}

/**
 * Called with each PDF once it is printed: as soon as its tab has sent the
 * next document to the browser (at once after a tab's last job), so that
 * the browser never waits while Node joins or writes a PDF. A tab's next
 * PDF waits until its previous one has been handed on: at most one PDF a
 * tab is held.
 */
export type OnPrinted = (index: number, printed: PrintedPdf) => Promise<void> | void;

/**
 * The browser is busy with the first documents: Node's one thread may now
 * do work that printing does not wait for (rendering and writing the pages
 * nobody prints), without delaying the documents' way to the browser.
 */
export type OnBusy = () => void;

export interface Printer {
  /** PDFs in job order. Throws PrintFailedError, after finishing the others, if any job failed twice. */
  printAll(jobs: readonly PrintJob[]): Promise<PrintedPdf[]>;
  /**
   * Hands each PDF to `onPrinted` as it comes, in the order printed, and
   * keeps none. Throws PrintFailedError (with no PDFs) at the end if any job
   * failed twice; an error `onPrinted` throws stops printing. `onBusy` is
   * called once, as soon as every tab has handed its first document to the
   * browser (or has none, or failed): see OnBusy.
   */
  printEach(jobs: readonly PrintJob[], onPrinted: OnPrinted, onBusy?: OnBusy): Promise<void>;
  /** Browsers started so far; more than one means Chromium crashed and was restarted. */
  readonly launches: number;
  /**
   * Tabs opened so far, the browser's startup tab included: a tab is
   * replaced after a failure and once it has printed many pages.
   */
  readonly tabsOpened: number;
  /**
   * Starts the browser now, so that it launches while the caller is still
   * preparing pages. Resolves once it is being started (puppeteer loaded,
   * its process spawned), not once it is ready; never rejects: a failure
   * shows up, again, at the first print.
   */
  warmUp(): Promise<void>;
}

/** Some jobs could not be printed; the rest are in `printed` so the caller may still write them. */
export class PrintFailedError extends HandoutError {
  readonly printed: readonly PrintedPdf[];
  readonly failures: readonly PrintFailure[];

  constructor(total: number, printed: readonly PrintedPdf[], failures: readonly PrintFailure[]) {
    const lines = failures.map((failure) => `\n  ${failure.name}: ${failure.reason}`);
    super(`Could not print ${failures.length} of ${plural(total, 'PDF')}:${lines.join('')}`, {
      code: 'print-failed',
    });
    this.name = 'PrintFailedError';
    this.printed = printed;
    this.failures = failures;
  }
}

/** A printer the caller closes; its browser starts on first use (or warmUp). */
export interface OpenPrinter extends Printer {
  /** Closes the browser; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * Job indices, longest document first: a pack of thirty copies started last
 * would keep one tab busy while the other sits idle. The jobs' sizes
 * (jobSizes) stand in for the print time; ties keep the plan's order.
 * Taken as sizes, not jobs, because the printer needs them again to know
 * how long each tab's next job is: a job's HTML is walked once.
 */
export function longestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]!);
}

/** What each job counts for in longestFirst: its `size`, or its HTML's length. */
export function jobSizes(jobs: readonly Pick<PrintJob, 'html' | 'size'>[]): number[] {
  return jobs.map((job) => job.size ?? (typeof job.html === 'string' ? job.html.length : 0));
}
