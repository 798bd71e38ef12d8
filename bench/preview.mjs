#!/usr/bin/env node
/**
 * Figures for `handout preview` (not a test: it prints numbers and never
 * fails on them), on a copy of the bundled project (5 articles, 167
 * questions, a quiz with a 22-student roster, a briefing):
 *
 * 1. Render time of one copy page, as the preview renders it for a request:
 *    the first render (templates compiled), then the median, min and max of
 *    the following ones.
 * 2. Save to repaint: a real `handout preview` process and a real Chromium
 *    showing a copy; the stem of the copy's first question is edited by
 *    writing a temporary file and renaming it over the bank file (as
 *    editors save), and the time runs until the open page shows the new
 *    stem and has painted a frame.
 *
 *   npm run build && node bench/preview.mjs [--runs N]
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => import(path.join(ROOT, 'dist', file));
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 15;
const PAGE = 'quizzes/missile-defense-unit/version-A.html';

function project() {
  const root = mkdtempSync(path.join(tmpdir(), 'handout-bench-preview-'));
  cpSync(path.join(ROOT, 'corpus'), path.join(root, 'corpus'), { recursive: true });
  cpSync(path.join(ROOT, 'questions'), path.join(root, 'questions'), { recursive: true });
  return root;
}

function summary(label, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (ms) => `${ms.toFixed(1)} ms`;
  return `${label.padEnd(40)} median ${f(sorted[Math.floor(sorted.length / 2)]).padStart(9)}  (min ${f(sorted[0])}, max ${f(sorted.at(-1))}, ${sorted.length} runs)`;
}

async function renderTimes(root) {
  const { PreviewSite } = await dist('preview/site.js');
  const { renderPage } = await dist('preview/pages.js');
  const site = new PreviewSite(root);
  const loaded = await site.load();
  const times = [];
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const page = renderPage(site.state, PAGE, new URLSearchParams(), root);
    times.push(performance.now() - started);
    if (page?.status !== 200) throw new Error(`bench: ${PAGE} did not render`);
  }
  console.log(`project loaded and catalogued in ${loaded.ms.toFixed(0)} ms`);
  console.log(`render ${PAGE}: first ${times[0].toFixed(1)} ms`);
  console.log(summary('render, after the first', times.slice(1)));
}

/** Starts `handout preview` and resolves with its URL once it prints it. */
function startServer(root) {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/bin.js'), 'preview', '--port', '0', '--project', root],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  const url = new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      log += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(log);
      if (found) resolve(found[0]);
    });
    child.on('exit', () => reject(new Error(`preview exited:\n${log}`)));
  });
  return { child, url, log: () => log };
}

/** The bank file that defines question `id`, and its text. */
function questionFile(root, id) {
  for (const name of readdirSync(path.join(root, 'questions'))) {
    if (!name.endsWith('.yaml')) continue;
    const file = path.join(root, 'questions', name);
    const text = readFileSync(file, 'utf8');
    if (new RegExp(`id: ${id}\\s*$`, 'm').test(text)) return { file, text };
  }
  throw new Error(`bench: question ${id} not found`);
}

/** The bank text with `marker` added at the end of question `id`'s prompt (plain or quoted). */
function withEditedPrompt(text, id, marker) {
  const at = text.search(new RegExp(`id: ${id}\\s*$`, 'm'));
  const prompt = /^(\s*prompt: )(.*)$/m.exec(text.slice(at));
  const value = prompt[2];
  const edited = /^['"]/.test(value)
    ? `${value.slice(0, -1)} ${marker}${value.slice(-1)}`
    : `${value} ${marker}`;
  const start = at + prompt.index;
  return text.slice(0, start) + prompt[1] + edited + text.slice(start + prompt[0].length);
}

async function saveToRepaint(root) {
  const { findChromium } = await dist('pdf/chromium.js');
  const { chromiumArgs } = await dist('pdf/browser.js');
  const { default: puppeteer } = await import('puppeteer');
  const server = startServer(root);
  const base = await server.url;
  const browser = await puppeteer.launch({
    executablePath: (await findChromium({ env: process.env })).executablePath,
    args: chromiumArgs(process.getuid?.() === 0),
  });
  const latencies = [];
  try {
    const page = await browser.newPage();
    await page.goto(base + PAGE, { waitUntil: 'load' });
    const id = await page.$eval('fieldset[data-question]', (item) => item.dataset.question);
    const { file, text: original } = questionFile(root, id);
    for (let i = 0; i <= runs; i++) {
      const marker = `(edit ${i})`;
      const temporary = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
      writeFileSync(temporary, withEditedPrompt(original, id, marker));
      const saved = performance.now();
      renameSync(temporary, file);
      for (;;) {
        const shown = await page
          .evaluate(
            (text) =>
              document.querySelector('fieldset[data-question] legend')?.textContent?.includes(text)
                ? new Promise((resolve) => requestAnimationFrame(() => resolve(true)))
                : false,
            marker,
          )
          .catch(() => false);
        if (shown) break;
        if (performance.now() - saved > 10_000) throw new Error('bench: the page never updated');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      latencies.push(performance.now() - saved);
      // Let the machine settle between saves, as between a teacher's edits.
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await browser.close();
    server.child.kill('SIGINT');
  }
  console.log(`save to repaint: first ${latencies[0].toFixed(0)} ms`);
  console.log(summary('save to repaint, after the first', latencies.slice(1)));
  // The server's own line per reload: how long reading the project and rendering the open page took.
  const reloads = server
    .log()
    .split('\n')
    .flatMap((line) => {
      const found = /reloaded in (\d+) ms · 1 open page rendered in (\d+) ms/.exec(line);
      return found ? [[Number(found[1]), Number(found[2])]] : [];
    })
    .slice(1);
  console.log(
    summary(
      '  of which: reloading the project',
      reloads.map(([load]) => load),
    ),
  );
  console.log(
    summary(
      '  of which: rendering the open page',
      reloads.map(([, render]) => render),
    ),
  );
}

const root = project();
// Two cores shared with other work give noisy figures: say how busy the machine was.
console.log(
  `load average before: ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
try {
  await renderTimes(root);
  await saveToRepaint(root);
  console.log(
    `load average after: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(root, { recursive: true, force: true });
}
