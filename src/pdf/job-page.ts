/**
 * A browser tab that prints one job after another. Reusing the tab saves
 * about 80 ms per job on two cores (opening a tab costs more than printing a
 * short quiz); after a failure the printer throws the tab away instead.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { messageOf, takeStartupTab } from './browser.js';
import { folderUrl, isAllowedUrl } from './request-policy.js';

export interface PageJob {
  html: string;
  /** `file:` URL of the folder relative URLs in the HTML resolve against. */
  baseUrl: string;
  /** Replaces the HTML's own <title>, which Chromium writes into the PDF. */
  title: string;
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
 * The document's own (never written) address inside the base folder. Serving
 * the HTML under it gives relative URLs the right base and the page a `file:`
 * origin, which Chromium requires before it loads local fonts and images.
 */
const DOCUMENT_NAME = 'handout-print.html';

interface CurrentJob {
  documentUrl: string;
  html: string;
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
      await step('configuring the browser tab', async () => {
        // Printing must not depend on scripts in the HTML: templates are static by design.
        await page.setJavaScriptEnabled(false);
        await page.setRequestInterception(true);
      });
    } catch (error) {
      await jobPage.close();
      throw error;
    }
    page.on('request', (request) => jobPage.#answer(request));
    return jobPage;
  }

  /** False once the tab or its browser is gone (crash, close). */
  get usable(): boolean {
    return !this.#page.isClosed() && this.#page.browser().connected;
  }

  async print(job: PageJob): Promise<PagePrint> {
    const folder = folderUrl(job.baseUrl);
    const current: CurrentJob = {
      documentUrl: new URL(DOCUMENT_NAME, folder).href,
      html: job.html,
      // The job's own folder is always readable: that is what its relative URLs point into.
      fileRoots: this.#fileRoots && [...this.#fileRoots, fileURLToPath(folder)],
      blocked: new Set(),
    };
    this.#current = current;
    const page = this.#page;
    const { loadMs, printMs } = this.#limits;
    try {
      await step('loading the page', () =>
        page.goto(current.documentUrl, { waitUntil: 'load', timeout: loadMs }),
      );
      // Through the protocol, not a page script, so it works with JavaScript off.
      await step('setting the title', () =>
        page.evaluate((title) => {
          document.title = title;
        }, job.title),
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
    if (this.#page.isClosed() || !this.#page.browser().connected) return;
    await this.#page.close().catch(() => {
      // The tab may be closing already because its browser is; nothing left to release.
    });
  }

  #answer(request: HTTPRequest): void {
    const url = request.url();
    const current = this.#current;
    let answered: Promise<void>;
    if (current && url === current.documentUrl && request.isNavigationRequest()) {
      answered = request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: current.html,
      });
    } else if (current && isAllowedUrl(url, current.fileRoots)) {
      answered = request.continue();
    } else {
      current?.blocked.add(url);
      answered = request.abort('blockedbyclient');
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
