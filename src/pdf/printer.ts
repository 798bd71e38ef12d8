/**
 * HTML to PDF for a whole run: one browser, a few tabs working through a
 * queue, every job tried twice before it is reported, and the browser closed
 * whatever happens (also on Ctrl-C).
 */
import { HandoutError } from '../errors.js';
import { plural } from '../util/text.js';
import { GarbageCollector } from '../util/garbage.js';
import { BrowserSession, messageOf, stoppedError } from './browser.js';
import { findChromium } from './chromium.js';
import { JobPage, type PageJob, type PageLimits } from './job-page.js';
import { normalizePdf } from './normalize.js';
import { countPages } from './restamp.js';
import type { PdfMetadata } from './types.js';
import { folderUrl } from './request-policy.js';
import { RenderTurns } from './render-turns.js';

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

const DEFAULT_CONCURRENCY = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const ATTEMPTS = 2;

/** A printer the caller closes; its browser starts on first use (or warmUp). */
export interface OpenPrinter extends Printer {
  /** Closes the browser; safe to call more than once. */
  close(): Promise<void>;
}

/**
 * A printer for a caller that owns its lifetime (the run's frame). The
 * caller closes it, also on Ctrl-C: with `onInterrupt` given, puppeteer's own
 * signal handlers stay off.
 */
export function openPrinter(options: PrinterOptions): OpenPrinter {
  return new QueuePrinter(options);
}

/** Runs `fn` with a printer whose browser is closed when `fn` ends, fails or is interrupted. */
export async function withPrinter<T>(
  options: PrinterOptions,
  fn: (printer: Printer) => Promise<T>,
): Promise<T> {
  const printer = openPrinter(options);
  const unregister = options.onInterrupt?.(() => printer.close());
  try {
    return await fn(printer);
  } finally {
    unregister?.();
    await printer.close();
  }
}

/**
 * Job indices, longest document first: a pack of thirty copies started last
 * would keep one tab busy while the other sits idle. The HTML's length
 * stands in for the print time; ties keep the plan's order.
 */
export function longestFirst(jobs: readonly Pick<PrintJob, 'html' | 'size'>[]): number[] {
  const sizes = jobSizes(jobs);
  return jobs.map((_, index) => index).sort((a, b) => sizes[b]! - sizes[a]!);
}

/** A PDF handed on as printed, with its pages counted (PrintJob.pagesOnly). */
function pagesOf(pdf: Uint8Array): { pdf: Uint8Array; pageCount: number } {
  const pageCount = countPages(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  if (pageCount === undefined) throw new Error('the browser sent a PDF without a page tree');
  return { pdf, pageCount };
}

function jobSizes(jobs: readonly Pick<PrintJob, 'html' | 'size'>[]): number[] {
  return jobs.map((job) => job.size ?? (typeof job.html === 'string' ? job.html.length : 0));
}

type Outcome = { printed: PrintedPdf } | { failure: PrintFailure };

/** The tab a worker reuses from job to job; replaced after any failure. */
interface Slot {
  page: JobPage | undefined;
  /** Pages the tab has printed. */
  pages: number;
  /** The tab has printed its pages' worth and kept on for one short job (see SHORT_JOB_SIZE). */
  extended: boolean;
  /** The slot's last tab closing: its successor opens once it is gone, so that two never hold memory at once. */
  closing: Promise<void>;
}

/**
 * Pages a tab prints before it is replaced by a fresh one. A renderer keeps
 * most of the memory each document it lays out takes (about 190 MB after a
 * chunk of ten copies, 50 pages; each chunk of ten marking grids adds some
 * 30 MB; after a few dozen chunks 350-400 MB) and never gives it back; a
 * new tab starts from scratch. So every chunk of a pack gets a tab of its
 * own, and a 1,000-copy pack peaks no higher than a class of 30 (with three
 * jobs a tab, the grid chunks' tabs reached 260-280 MB). Short documents (a
 * quiz, a key) still share a tab: opening one costs more CPU time than
 * printing a few pages.
 */
const PAGES_PER_TAB = 10;

/**
 * A job this short (its size, as longestFirst counts it) may still print in
 * a tab that has printed PAGES_PER_TAB pages, once: a short document adds a
 * few MB to a renderer (5 MB for the explanations booklet after a chunk of
 * marking grids), where a fresh tab costs a renderer's start and its fonts
 * loaded again, on the way to the run's last PDF (jobs go longest first, so
 * the short ones come last). Chunks of a pack are ten times larger.
 */
const SHORT_JOB_SIZE = 64_000;

/**
 * Growth of Node's heap (with buffers) after which the printer collects
 * garbage between jobs (see util/garbage.ts): a few chunks' worth. For a
 * 1,000-copy pack, Node peaked at 150-160 MB with 16 MB (but ten times as
 * many collections as with 32 MB, some 7 s of CPU), 160-170 MB with 24 MB,
 * 165-185 MB with 32 MB; 140 MB for a class of 30.
 */
const GARBAGE_THRESHOLD_BYTES = 24 * 1024 * 1024;

class QueuePrinter implements OpenPrinter {
  readonly #options: PrinterOptions;
  readonly #concurrency: number;
  readonly #timeoutMs: number;
  readonly #limits: PageLimits;
  #session: Promise<BrowserSession> | undefined;
  /** The session once it exists, for the synchronous `launches`. */
  #started: BrowserSession | undefined;
  #closed = false;

  constructor(options: PrinterOptions) {
    const { concurrency = DEFAULT_CONCURRENCY, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`concurrency must be a whole number from 1, got ${concurrency}`);
    }
    const { loadTimeoutMs = timeoutMs } = options;
    for (const [name, value] of Object.entries({ timeoutMs, loadTimeoutMs }))
      if (!(value > 0)) throw new RangeError(`${name} must be positive, got ${value}`);
    this.#options = options;
    this.#concurrency = concurrency;
    this.#timeoutMs = timeoutMs;
    this.#limits = { loadMs: loadTimeoutMs, printMs: timeoutMs };
  }

  get launches(): number {
    return this.#started?.launches ?? 0;
  }

  #tabsOpened = 0;

  get tabsOpened(): number {
    return this.#tabsOpened;
  }

  async printAll(jobs: readonly PrintJob[]): Promise<PrintedPdf[]> {
    const printed: PrintedPdf[] = [];
    try {
      await this.printEach(jobs, (index, pdf) => {
        printed[index] = pdf;
      });
    } catch (error) {
      if (!(error instanceof PrintFailedError)) throw error;
      throw new PrintFailedError(jobs.length, printed.filter(Boolean), error.failures);
    }
    return printed;
  }

  async printEach(jobs: readonly PrintJob[], onPrinted: OnPrinted, onBusy?: OnBusy): Promise<void> {
    // A bad base URL is a bug in the caller: fail before starting anything.
    for (const job of jobs) folderUrl(job.baseUrl);
    if (jobs.length === 0) {
      onBusy?.();
      return;
    }
    const session = await this.#sessionOnce();
    const failures: PrintFailure[] = [];
    const order = longestFirst(jobs);
    let next = 0;
    let done = 0;
    let fatal: { error: unknown } | undefined;
    // Each job leaves megabytes of garbage behind (its HTML, its PDF in transit): see util/garbage.ts.
    const garbage = new GarbageCollector(GARBAGE_THRESHOLD_BYTES);
    const workers = Math.min(this.#concurrency, jobs.length);
    const turns = new RenderTurns();
    let idleTabs = workers;
    const sizes = jobSizes(jobs);
    const work = async (): Promise<void> => {
      const slot: Slot = { page: undefined, pages: 0, extended: false, closing: Promise.resolve() };
      let firstLoad: (() => void) | undefined = () => {
        firstLoad = undefined;
        if (--idleTabs === 0) onBusy?.();
      };
      // The tab's last PDF, handed on once the next document is on its way (or there is none).
      let held: (() => Promise<void>) | undefined;
      let handedOn: Promise<void> = Promise.resolve();
      // Garbage is collected once a PDF is handed on, while the browser prints the tab's next
      // document, not on the way to it; not after the last one, when the run is about to end.
      const handOn = (collect = true): void => {
        if (!held) return;
        handedOn = held().then(() => void (collect && garbage.collectIfGrown()));
        held = undefined;
        // Its failure is thrown where it is awaited, below; meanwhile it is not unhandled.
        handedOn.catch(() => undefined);
      };
      const loading = (): void => {
        firstLoad?.();
        handOn();
      };
      try {
        for (let at = next++; at < order.length && !fatal; at = next++) {
          const index = order[at]!;
          const job = jobs[index]!;
          const outcome = await this.#printWithRetry(session, slot, job, turns, loading);
          // The next job this tab may take, if any: the other tab may take it first, but then
          // this one takes a later one, no longer (the order is longest first).
          const following = order[next];
          this.#retireIfSpent(slot, following === undefined ? undefined : sizes[following]!);
          loading();
          await handedOn;
          if ('printed' in outcome) {
            const { printed } = outcome;
            held = async () => onPrinted(index, printed);
          } else failures[index] = outcome.failure;
          done += 1;
          this.#options.onProgress?.(done, jobs.length, job.name);
        }
        handOn(false);
        await handedOn;
      } catch (error) {
        // A browser that cannot start, Ctrl-C, or the caller's own error: no job could succeed after it.
        fatal ??= { error };
      } finally {
        firstLoad?.();
        // Not awaited: the next print, or closing the browser, need not wait for this tab to go.
        this.#retire(slot);
      }
    };
    await Promise.all(Array.from({ length: workers }, work));
    if (fatal) throw fatal.error;
    const failed = failures.filter(Boolean);
    if (failed.length > 0) throw new PrintFailedError(jobs.length, [], failed);
  }

  async warmUp(): Promise<void> {
    const session = await this.#sessionOnce().catch(() => undefined);
    if (!session) return; // Reported when printing starts.
    session.browser().catch(() => {
      // Reported when printing starts: a failed launch is not cached.
    });
    await session.launching;
  }

  async close(): Promise<void> {
    this.#closed = true;
    // Synchronously when the session exists, so no job can start a new browser after Ctrl-C.
    const session = this.#started ?? (await this.#session?.catch(() => undefined));
    await session?.close();
  }

  /**
   * A job's failures are caught here and end up in its Outcome; what escapes
   * (no browser could be started, or Ctrl-C) stops the whole run.
   */
  async #printWithRetry(
    session: BrowserSession,
    slot: Slot,
    job: PrintJob,
    turns: RenderTurns,
    onLoading: (() => void) | undefined,
  ): Promise<Outcome> {
    // A new tab starts (Chromium starts its renderer) while the document is rendered here.
    const opening = slot.page?.usable ? undefined : this.#openTab(session, slot);
    const endTurn = await turns.take();
    const loading = (): void => {
      endTurn();
      onLoading?.();
    };
    let html: string;
    try {
      // Rendering holds Node's thread: the request for the tab goes out first.
      if (opening && typeof job.html !== 'string') await new Promise(setImmediate);
      // Rendered once, when its turn comes, and let go as soon as it is printed.
      html = typeof job.html === 'string' ? job.html : await job.html();
    } catch (error) {
      endTurn();
      void opening?.then((page) => page.close()).catch(() => undefined);
      throw error;
    }
    // Waiting for the browser to start is no work for Node: the next document is rendered meanwhile.
    if (!session.running) endTurn();
    try {
      return await this.#attempts(session, slot, { ...job, html }, opening, loading);
    } finally {
      endTurn();
    }
  }

  /** Prints a rendered document, trying again in a fresh tab after a failure. */
  async #attempts(
    session: BrowserSession,
    slot: Slot,
    job: PrintJob & { html: string },
    opened: Promise<JobPage> | undefined,
    onLoading: () => void,
  ): Promise<Outcome> {
    let reason = '';
    let opening = opened;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const browser = await session.browser();
      try {
        if (!slot.page?.usable) {
          await slot.page?.close();
          slot.page = undefined;
          // The tab opened beforehand on the first attempt; a fresh one after a failure.
          const opened = opening;
          opening = undefined;
          slot.page = await (opened ??
            JobPage.open(browser, this.#options.fileRoots, this.#limits));
          this.#tabsOpened += 1;
          slot.pages = 0;
          slot.extended = false;
        }
        const { pdf, blockedUrls } = await slot.page.print(
          { ...job, title: job.pagesOnly ? undefined : job.title },
          onLoading,
        );
        const normalized = job.pagesOnly ? pagesOf(pdf) : await normalizePdf(pdf, job);
        slot.pages += normalized.pageCount;
        return { printed: { name: job.name, ...normalized, blockedUrls } };
      } catch (error) {
        if (session.closed) throw stoppedError();
        reason = browser.connected
          ? messageOf(error)
          : `the browser crashed or was killed (${messageOf(error)})`;
        // After a failure the tab's state is unknown (still loading, half printed): start afresh.
        await slot.page?.close();
        slot.page = undefined;
      }
    }
    return { failure: { name: job.name, reason: `${reason} (tried ${ATTEMPTS} times)` } };
  }

  /**
   * Closes the slot's tab, right after its print, once it has printed
   * PAGES_PER_TAB pages (unless a short job may still print in it): its
   * memory is given back while this worker hands its PDF on and the other
   * tab may be at its largest. `following` is the size of the job the tab
   * would print next, if there is one.
   */
  #retireIfSpent(slot: Slot, following: number | undefined): void {
    if (!slot.page || slot.pages < PAGES_PER_TAB) return;
    if (!slot.extended && following !== undefined && following <= SHORT_JOB_SIZE) {
      slot.extended = true;
      return;
    }
    this.#retire(slot);
  }

  /**
   * Closes the slot's tab without waiting for it: Chromium closes it while
   * the worker renders its next document and opens the next tab, and a
   * failure to close is harmless (the browser closes at the end).
   */
  #retire(slot: Slot): void {
    const page = slot.page;
    slot.page = undefined;
    if (page) slot.closing = page.close();
  }

  /** A tab for the slot's next job, opened in the browser the session has now; never rejects unhandled. */
  #openTab(session: BrowserSession, slot: Slot): Promise<JobPage> {
    this.#retire(slot);
    const opening = (async () => {
      await slot.closing;
      return JobPage.open(await session.browser(), this.#options.fileRoots, this.#limits);
    })();
    // A failure is met (and retried) where the tab is awaited.
    opening.catch(() => undefined);
    return opening;
  }

  /** Finds the browser on first use, so a run with nothing to print never needs one. */
  #sessionOnce(): Promise<BrowserSession> {
    if (this.#closed) return Promise.reject(stoppedError());
    this.#session ??= findChromium({
      explicit: this.#options.executablePath,
      env: this.#options.env,
    }).then(
      ({ executablePath, headless }) =>
        (this.#started = new BrowserSession({
          executablePath,
          headless,
          timeoutMs: this.#timeoutMs,
          callerHandlesSignals: this.#options.onInterrupt !== undefined,
        })),
    );
    return this.#session;
  }
}
