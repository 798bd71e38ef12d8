#!/usr/bin/env node
/**
 * The performance floor for printing: bare puppeteer, no handout code. Same
 * browser, same flags, same print options as src/pdf, but nothing else (no
 * request filtering, no retries, no page numbers, no PDF rewriting or
 * assembling), so the difference from handout is what the pipeline adds.
 *
 *   node bench/print-floor.mjs FOLDER [--tabs N] [--match PREFIX] [--tagged] [--chromium PATH]
 *
 * Prints every *.html file in FOLDER whose name starts with PREFIX, largest
 * first (as handout schedules its jobs), with N tabs (default 2), untagged
 * unless --tagged, to PDF in memory, and reports
 * how many it printed. The browser is HANDOUT_CHROMIUM, --chromium, or the
 * headless shell Debian installs (launched as the old headless mode).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const folder = args[0];
if (!folder || folder.startsWith('--')) {
  console.error(
    'usage: node bench/print-floor.mjs FOLDER [--tabs N] [--match PREFIX] [--tagged] [--chromium PATH]',
  );
  process.exit(2);
}
const SHELL = '/usr/lib/chromium/chromium-headless-shell';
const executablePath = option(
  '--chromium',
  process.env.HANDOUT_CHROMIUM ?? (existsSync(SHELL) ? SHELL : '/usr/bin/chromium'),
);
const prefix = option('--match', '');
const tagged = args.includes('--tagged');

const files = readdirSync(folder)
  .filter((name) => name.endsWith('.html') && name.startsWith(prefix))
  .map((name) => path.resolve(folder, name))
  .sort((a, b) => statSync(b).size - statSync(a).size || (a < b ? -1 : 1))
  .map((file) => pathToFileURL(file).href);

const browser = await puppeteer.launch({
  executablePath,
  headless: /headless[-_]shell/.test(path.basename(executablePath)) ? 'shell' : true,
  args: [
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--in-process-gpu',
    '--enable-features=NetworkServiceInProcess2',
  ],
});
try {
  let next = 0;
  // The first tab prints in the blank tab Chromium starts with, as handout does.
  const [blank] = await browser.pages();
  let spare = blank;
  const worker = async () => {
    const page = spare ?? (await browser.newPage());
    spare = undefined;
    await page.setJavaScriptEnabled(false);
    try {
      for (let index = next++; index < files.length; index = next++) {
        await page.goto(files[index], { waitUntil: 'load' });
        await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged });
      }
    } finally {
      await page.close();
    }
  };
  const tabs = Math.max(1, Math.min(Number(option('--tabs', '2')), files.length));
  await Promise.all(Array.from({ length: tabs }, worker));
} finally {
  await browser.close();
}
console.log(files.length);
