/**
 * The tab a printer's worker reuses from job to job, and printing one
 * document in it: tried again in a fresh tab after a failure, and the tab
 * replaced once it has printed its pages' worth (a renderer never gives
 * back the memory of what it laid out).
 */
import type { Browser } from 'puppeteer-core';
import { type BrowserSession, messageOf, stoppedError } from './browser.js';
import { JobPage, type PageLimits } from './job-page.js';
import { normalizePdf } from './normalize.js';
import type { PrintedPdf, PrintFailure, PrintJob } from './print-jobs.js';
import { countPages } from './restamp.js';

/** What became of a job: its PDF, or why it failed twice. */
export type Outcome = { printed: PrintedPdf } | { failure: PrintFailure };

const ATTEMPTS = 2;

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
 * A job this short (its size, as jobSizes counts it) may still print in
 * a tab that has printed PAGES_PER_TAB pages, once: a short document adds a
 * few MB to a renderer (5 MB for the explanations booklet after a chunk of
 * marking grids), where a fresh tab costs a renderer's start and its fonts
 * loaded again, on the way to the run's last PDF (jobs go longest first, so
 * the short ones come last). Chunks of a pack are ten times larger.
 */
const SHORT_JOB_SIZE = 64_000;

export class TabSlot {
  /** The tab, while it is open. */
  page: JobPage | undefined = undefined;
  /** Pages the tab has printed. */
  private pages = 0;
  /** The tab has printed its pages' worth and kept on for one short job (see SHORT_JOB_SIZE). */
  private extended = false;
  /** The slot's last tab closing: its successor opens once it is gone, so that two never hold memory at once. */
  private closing: Promise<void> = Promise.resolve();

  constructor(
    /** Folders whose files pages may load (PrinterOptions.fileRoots). */
    private readonly fileRoots: readonly string[] | undefined,
    private readonly limits: PageLimits,
    /** Called as each tab is taken into use: the printer counts them (Printer.tabsOpened). */
    private readonly onTabOpened: () => void,
  ) {}

  /** Prints a rendered document, trying again in a fresh tab after a failure. */
  async print(
    session: BrowserSession,
    job: PrintJob & { html: string },
    opened: Promise<JobPage> | undefined,
    onLoading: () => void,
  ): Promise<Outcome> {
    let reason = '';
    let opening = opened;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const browser = await session.browser();
      try {
        if (!this.page?.usable) {
          await this.page?.close();
          this.page = undefined;
          // The tab opened beforehand on the first attempt; a fresh one after a failure.
          const opened = opening;
          opening = undefined;
          this.page = await (opened ?? this.#newTab(browser));
          this.onTabOpened();
          this.pages = 0;
          this.extended = false;
        }
        const { pdf, blockedUrls } = await this.page.print(
          { ...job, title: job.pagesOnly ? undefined : job.title },
          onLoading,
        );
        const normalized = job.pagesOnly ? pagesOf(pdf) : await normalizePdf(pdf, job);
        this.pages += normalized.pageCount;
        return { printed: { name: job.name, ...normalized, blockedUrls } };
      } catch (error) {
        if (session.closed) throw stoppedError();
        reason = browser.connected
          ? messageOf(error)
          : `the browser crashed or was killed (${messageOf(error)})`;
        // After a failure the tab's state is unknown (still loading, half printed): start afresh.
        await this.page?.close();
        this.page = undefined;
      }
    }
    return { failure: { name: job.name, reason: `${reason} (tried ${ATTEMPTS} times)` } };
  }

  /**
   * Closes the tab, right after its print, once it has printed
   * PAGES_PER_TAB pages (unless a short job may still print in it): its
   * memory is given back while this worker hands its PDF on and the other
   * tab may be at its largest. `following` is the size of the job the tab
   * would print next, if there is one.
   */
  retireIfSpent(following: number | undefined): void {
    if (!this.page || this.pages < PAGES_PER_TAB) return;
    if (!this.extended && following !== undefined && following <= SHORT_JOB_SIZE) {
      this.extended = true;
      return;
    }
    this.retire();
  }

  /**
   * Closes the tab without waiting for it: Chromium closes it while the
   * worker renders its next document and opens the next tab, and a
   * failure to close is harmless (the browser closes at the end).
   */
  retire(): void {
    const page = this.page;
    this.page = undefined;
    if (page) this.closing = page.close();
  }

  /** A tab for the slot's next job, opened in the browser the session has now; never rejects unhandled. */
  openTab(session: BrowserSession): Promise<JobPage> {
    this.retire();
    const opening = (async () => {
      await this.closing;
      return this.#newTab(await session.browser());
    })();
    // A failure is met (and retried) where the tab is awaited.
    opening.catch(() => undefined);
    return opening;
  }

  #newTab(browser: Browser): Promise<JobPage> {
    return JobPage.open(browser, this.fileRoots, this.limits);
  }
}

/** A PDF handed on as printed, with its pages counted (PrintJob.pagesOnly). */
function pagesOf(pdf: Uint8Array): { pdf: Uint8Array; pageCount: number } {
  const pageCount = countPages(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  if (pageCount === undefined) throw new Error('the browser sent a PDF without a page tree');
  return { pdf, pageCount };
}
