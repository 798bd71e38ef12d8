/**
 * A browser tab that prints one job after another. Reusing the tab saves
 * about 80 ms per job on two cores (opening a tab costs more than printing a
 * short quiz); after a failure the printer throws the tab away instead.
 *
 * The document is loaded from a file written beside the job's other files,
 * and only requests that could reach the network pass through handout
 * (Fetch interception with URL patterns). Intercepting every request, as
 * puppeteer's request interception does, also routes each font and image
 * through the DevTools pipe and turns Chromium's cache off: it cost about
 * 0.7 s of Chromium's CPU time per class pack (4.2 s against 4.9 s for the
 * same seven documents).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page, Protocol } from 'puppeteer-core';
import { messageOf, takeStartupTab } from './browser.js';
import { folderUrl, isAllowedUrl } from './request-policy.js';

export interface PageJob {
  html: string;
  /** `file:` URL of the folder relative URLs in the HTML resolve against. */
  baseUrl: string;
  /**
   * Replaces the HTML's own <title>, which Chromium writes into the PDF;
   * without one, the HTML's stands (one step less for a pack's chunk, whose
   * document information is not kept).
   */
  title?: string;
  /**
   * Tagged (accessible) PDF, the default. Tagging costs about 40% of the
   * print time of a large document, and a class pack's tags would be lost
   * on merging anyway, so packs are printed untagged.
   */
  tagged?: boolean;
}

export interface PagePrint {
  pdf: Uint8Array;
  /** Every URL the page asked for and was refused, sorted. */
  blockedUrls: string[];
}

/**
 * The document's file inside the base folder, for as long as it loads: there
 * relative URLs have the right base and the page a `file:` origin, which
 * Chromium requires before it loads local fonts and images. Hidden, and
 * unique per process and job, since several tabs and processes may print
 * into one folder.
 */
let documentsWritten = 0;
function documentName(): string {
  documentsWritten += 1;
  return `.handout-print-${process.pid}-${documentsWritten}.html`;
}

/**
 * Requests that would leave the machine. With every local file allowed
 * (no fileRoots), these are all that printing must refuse; `file:` and
 * `data:` URLs load without a round trip through handout. The schemes are
 * those Chromium fetches over a network (scripts, which alone could open
 * others, are off).
 */
const NETWORK_PATTERNS: Protocol.Fetch.RequestPattern[] = ['http', 'https', 'ws', 'wss', 'ftp'].map(
  (scheme) => ({ urlPattern: `${scheme}:*` }),
);
/** With fileRoots, every request is checked: local files too may be refused. */
const ALL_PATTERNS: Protocol.Fetch.RequestPattern[] = [{ urlPattern: '*' }];

interface CurrentJob {
  fileRoots: readonly string[] | undefined;
  blocked: Set<string>;
}

/** How long a tab waits, in ms. */
export interface PageLimits {
  /** For the page to load (its HTML and the local files it refers to). */
  loadMs: number;
  /** For printing it. */
  printMs: number;
}

class PrintStepError extends Error {
  constructor(step: string, cause: unknown) {
    super(`${step} failed: ${messageOf(cause)}`, { cause });
    this.name = 'PrintStepError';
  }
}

export class JobPage {
  #page: Page;
  #fileRoots: readonly string[] | undefined;
  #limits: PageLimits;
  #current: CurrentJob | undefined;
  /** The session the tab's requests are intercepted on. */
  #fetch: CDPSession | undefined;

  private constructor(page: Page, fileRoots: readonly string[] | undefined, limits: PageLimits) {
    this.#page = page;
    this.#fileRoots = fileRoots;
    this.#limits = limits;
  }

  static async open(
    browser: Browser,
    fileRoots: readonly string[] | undefined,
    limits: PageLimits,
  ): Promise<JobPage> {
    const page = await step('opening a browser tab', async () => {
      return takeStartupTab(browser) ?? browser.newPage();
    });
    const jobPage = new JobPage(page, fileRoots, limits);
    try {
      // Both at once: each is a round trip to the browser, on the way to the tab's first document.
      await step('configuring the browser tab', () =>
        Promise.all([
          // Printing must not depend on scripts in the HTML: templates are static by design.
          page.setJavaScriptEnabled(false),
          jobPage.#interceptNetwork(),
        ]),
      );
    } catch (error) {
      await jobPage.close();
      throw error;
    }
    return jobPage;
  }

  /** A session of our own: puppeteer's request interception would pause every request. */
  async #interceptNetwork(): Promise<void> {
    const fetch = await this.#page.createCDPSession();
    this.#fetch = fetch;
    fetch.on('Fetch.requestPaused', (event) => this.#answer(fetch, event));
    await fetch.send('Fetch.enable', {
      patterns: this.#fileRoots ? ALL_PATTERNS : NETWORK_PATTERNS,
    });
  }

  /** False once the tab or its browser is gone (crash, close). */
  get usable(): boolean {
    return !this.#page.isClosed() && this.#page.browser().connected;
  }

  /** `onLoading` is called once the document is on its way to the browser (the load is asked for). */
  async print(job: PageJob, onLoading?: () => void): Promise<PagePrint> {
    const folder = folderUrl(job.baseUrl);
    const documentUrl = new URL(documentName(), folder);
    const current: CurrentJob = {
      // The job's own folder is always readable: that is what its relative URLs point into.
      fileRoots: this.#fileRoots && [...this.#fileRoots, fileURLToPath(folder)],
      blocked: new Set(),
    };
    this.#current = current;
    const page = this.#page;
    const { loadMs, printMs } = this.#limits;
    try {
      await step('writing the page for the browser', async () => {
        await mkdir(fileURLToPath(folder), { recursive: true });
        await writeFile(documentUrl, job.html);
      });
      try {
        await step('loading the page', () => {
          // page.goto sends the navigation before its first await.
          const loaded = page.goto(documentUrl.href, { waitUntil: 'load', timeout: loadMs });
          onLoading?.();
          return loaded;
        });
      } finally {
        // Loaded (or given up on): the browser holds the document, the file is no longer needed.
        await rm(documentUrl, { force: true });
      }
      // Through the protocol, not a page script, so it works with JavaScript off.
      const { title } = job;
      if (title !== undefined)
        await step('setting the title', () =>
          page.evaluate((text) => {
            document.title = text;
          }, title),
        );
      // Size, margins and running headers come from the document's @page rules.
      // page.pdf waits for document.fonts.ready (from an isolated world, so it works with scripts off).
      const pdf = await step('printing', () =>
        page.pdf({
          preferCSSPageSize: true,
          printBackground: true,
          tagged: job.tagged ?? true,
          timeout: printMs,
        }),
      );
      return { pdf, blockedUrls: [...current.blocked].sort() };
    } finally {
      this.#current = undefined;
    }
  }

  async close(): Promise<void> {
    // Both at once (closing the tab ends the session anyway): the tab's successor waits for this.
    const detached = this.#fetch?.detach().catch(() => {
      // Already gone with its tab or browser.
    });
    if (!this.#page.isClosed() && this.#page.browser().connected)
      await this.#page.close().catch(() => {
        // The tab may be closing already because its browser is; nothing left to release.
      });
    await detached;
  }

  #answer(fetch: CDPSession, event: Protocol.Fetch.RequestPausedEvent): void {
    const { requestId, request } = event;
    const current = this.#current;
    let answered: Promise<unknown>;
    if (current && isAllowedUrl(request.url, current.fileRoots)) {
      answered = fetch.send('Fetch.continueRequest', { requestId });
    } else {
      current?.blocked.add(request.url);
      answered = fetch.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
    }
    answered.catch(() => {
      // The tab closed (job failed or Ctrl-C) before the answer arrived; nobody is waiting for it.
    });
  }
}

async function step<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new PrintStepError(name, error);
  }
}
