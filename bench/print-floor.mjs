#!/usr/bin/env node
/**
 * The performance floor for printing: bare puppeteer, no handout code. Same
 * Chromium, same flags, same print options as src/pdf, but nothing else (no
 * request filtering, no retries, no PDF rewriting), so the difference from
 * `handout build` is what the pipeline adds.
 *
 *   node bench/print-floor.mjs FOLDER [PAGES] [CHROMIUM]
 *
 * Prints every *.html file in FOLDER to PDF (in memory) with PAGES tabs
 * (default 2) and reports only how many it printed. Time it with `time`.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [
  folder,
  pagesArg = '2',
  executablePath = process.env.HANDOUT_CHROMIUM ?? '/usr/bin/chromium',
] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node bench/print-floor.mjs FOLDER [PAGES] [CHROMIUM]');
  process.exit(2);
}

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((name) => pathToFileURL(path.resolve(folder, name)).href);

const browser = await puppeteer.launch({
  executablePath,
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ],
});
try {
  let next = 0;
  const worker = async () => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    try {
      for (let index = next++; index < files.length; index = next++) {
        await page.goto(files[index], { waitUntil: 'load' });
        await page.pdf({ preferCSSPageSize: true, printBackground: true });
      }
    } finally {
      await page.close();
    }
  };
  const tabs = Math.max(1, Math.min(Number(pagesArg), files.length));
  await Promise.all(Array.from({ length: tabs }, worker));
} finally {
  await browser.close();
}
console.log(files.length);
