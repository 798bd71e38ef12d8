/**
 * Each worker prints in a tab of its own. The browser's blank startup tab is
 * reused by the first worker only: a tab another worker has just opened is
 * blank too, and two jobs loading in one tab abort each other (seen as
 * net::ERR_ABORTED on a class pack under load).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { BrowserSession } from '../../src/pdf/browser.js';
import { findChromium } from '../../src/pdf/chromium.js';
import { JobPage } from '../../src/pdf/job-page.js';
import { REPO_URL } from './documents.js';
import { readPdfText } from './pdf-reading.js';

let session: BrowserSession;
let browser: Browser;

beforeAll(async () => {
  const { executablePath, headless } = await findChromium({ env: process.env });
  session = new BrowserSession({
    executablePath,
    headless,
    timeoutMs: 60_000,
    callerHandlesSignals: false,
  });
  browser = await session.browser();
}, 60_000);
afterAll(() => session.close());

function page(text: string) {
  return { html: `<!doctype html><title>t</title><p>${text}</p>`, baseUrl: REPO_URL, title: text };
}

describe('JobPage', () => {
  it('never takes a blank tab another worker has opened, and each prints its own job', async () => {
    const first = await JobPage.open(browser, undefined, 30_000);
    // Another worker's tab, still blank while it is being set up.
    const others = await browser.newPage();
    const second = await JobPage.open(browser, undefined, 30_000);
    const third = await JobPage.open(browser, undefined, 30_000);
    // The startup tab, the other worker's tab, and one new tab for each later JobPage.
    expect((await browser.pages()).length).toBe(4);
    const [a, b, c] = await Promise.all([
      first.print(page('Alpha copy')),
      second.print(page('Bravo copy')),
      third.print(page('Charlie copy')),
    ]);
    expect((await readPdfText(a.pdf)).pages.join(' ')).toContain('Alpha copy');
    expect((await readPdfText(b.pdf)).pages.join(' ')).toContain('Bravo copy');
    expect((await readPdfText(c.pdf)).pages.join(' ')).toContain('Charlie copy');
    await Promise.all([first.close(), second.close(), third.close(), others.close()]);
  }, 60_000);
});
