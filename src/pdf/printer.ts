/**
 * HTML to PDF for a whole run: one browser, a few tabs working through a
 * queue (each a TabSlot), every job tried twice before it is reported, and
 * the browser closed whatever happens (also on Ctrl-C). What a printer is
 * asked and gives back is in print-jobs.ts.
 */
import { GarbageCollector } from '../util/garbage.js';
import { BrowserSession, stoppedError } from './browser.js';
import { findChromium } from './chromium.js';
import type { PageLimits } from './job-page.js';
import {
  jobSizes,
  longestFirst,
  PrintFailedError,
  type OnBusy,
  type OnPrinted,
  type OpenPrinter,
  type PrintedPdf,
  type PrinterOptions,
  type Printer,
  type PrintFailure,
  type PrintJob,
} from './print-jobs.js';
import { folderUrl } from './request-policy.js';
import { RenderTurns } from './render-turns.js';
import { TabSlot, type Outcome } from './tab-slot.js';

const DEFAULT_CONCURRENCY = 2;
const DEFAULT_TIMEOUT_MS = 30_000;

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
    const sizes = jobSizes(jobs);
    const order = longestFirst(sizes);
    let next = 0;
    let done = 0;
    let fatal: { error: unknown } | undefined;
    // Each job leaves megabytes of garbage behind (its HTML, its PDF in transit): see util/garbage.ts.
    const garbage = new GarbageCollector(GARBAGE_THRESHOLD_BYTES);
    const workers = Math.min(this.#concurrency, jobs.length);
    const turns = new RenderTurns();
    let idleTabs = workers;
    const work = async (): Promise<void> => {
      const slot = new TabSlot(this.#options.fileRoots, this.#limits, () => {
        this.#tabsOpened += 1;
      });
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
          slot.retireIfSpent(following === undefined ? undefined : sizes[following]!);
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
        slot.retire();
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
    slot: TabSlot,
    job: PrintJob,
    turns: RenderTurns,
    onLoading: (() => void) | undefined,
  ): Promise<Outcome> {
    // A new tab starts (Chromium starts its renderer) while the document is rendered here.
    const opening = slot.page?.usable ? undefined : slot.openTab(session);
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
      return await slot.print(session, { ...job, html }, opening, loading);
    } finally {
      endTurn();
    }
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
